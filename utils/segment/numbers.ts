// The numbers a text states, in one comparable form whatever the script and grouping:
// "1,000", "1 000", "1.000" and "۱٬۰۰۰" are all 1000; "3,5" and "3.5" are both 3.5.

/** The zero of each decimal digit set a translation is likely to use; each set runs 0–9 from it. */
const DIGIT_ZEROS = [
  0x30, // ASCII
  0x660, // Arabic-Indic
  0x6f0, // Extended Arabic-Indic (Persian, Urdu)
  0x966, // Devanagari
  0x9e6, // Bengali
  0xe50, // Thai
  0x1040, // Myanmar
  0xff10, // fullwidth
];

const DIGIT_CLASS = DIGIT_ZEROS.map((zero) => `\\u{${zero.toString(16)}}-\\u{${(zero + 9).toString(16)}}`).join('');
/** Only ever separates groups of three. */
const GROUP_ONLY = " '\u2019\u00a0\u202f\u2009\u066c";
/** Only ever separates the decimals. */
const DECIMAL_ONLY = '\u066b';
/** Either, depending on the language: read from the digits around it. */
const EITHER = ',.';
const SEPARATORS = `${GROUP_ONLY}${DECIMAL_ONLY}${EITHER}`.replace(/[\\\]^-]/g, '\\$&');
const NUMBER = new RegExp(`[${DIGIT_CLASS}]+(?:[${SEPARATORS}][${DIGIT_CLASS}]+)*`, 'gu');
const DIGIT = new RegExp(`[${DIGIT_CLASS}]`, 'gu');

/** A number as written, and its comparable value (digits in ASCII, no grouping, `.` for decimals). */
export interface StatedNumber {
  written: string;
  value: string;
}

/** Every number the text states, in order. */
export function numbersIn(text: string): StatedNumber[] {
  const found: StatedNumber[] = [];
  for (const match of text.matchAll(NUMBER)) readNumber(match[0], found);
  return found;
}

function asciiDigits(digits: string): string {
  return digits.replace(DIGIT, (digit) => {
    const code = digit.codePointAt(0)!;
    for (const zero of DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return String(code - zero);
    return digit;
  });
}

/**
 * Splits a run of digit groups into the numbers it holds. A separator followed by exactly three
 * digits, after a first group of at most three, groups thousands; a comma or point otherwise marks
 * decimals; anything else ends one number and starts the next ("5.9.2024" is 5.9 and 2024).
 */
function readNumber(run: string, found: StatedNumber[]): void {
  const pieces = run.split(new RegExp(`([${SEPARATORS}])`, 'u'));
  let written = pieces[0]!;
  let integer = asciiDigits(pieces[0]!);
  let firstGroupShort = integer.length <= 3;
  let decimals: string | null = null;
  let groupSeparator: string | null = null;
  const end = () => found.push({ written: written.trim(), value: canonical(integer, decimals) });
  for (let i = 1; i < pieces.length; i += 2) {
    const separator = pieces[i]!;
    const group = asciiDigits(pieces[i + 1]!);
    const groups =
      decimals === null &&
      firstGroupShort &&
      group.length === 3 &&
      !DECIMAL_ONLY.includes(separator) &&
      (groupSeparator === null || groupSeparator === separator);
    const decimal =
      !groups && decimals === null && !GROUP_ONLY.includes(separator) && separator !== groupSeparator;
    if (groups) {
      integer += group;
      groupSeparator = separator;
      written += separator + pieces[i + 1];
    } else if (decimal) {
      decimals = group;
      written += separator + pieces[i + 1];
    } else {
      end();
      written = pieces[i + 1]!;
      integer = group;
      firstGroupShort = group.length <= 3;
      decimals = null;
      groupSeparator = null;
    }
  }
  end();
}

function canonical(integer: string, decimals: string | null): string {
  const whole = integer.replace(/^0+(?=\d)/, '');
  const fraction = decimals?.replace(/0+$/, '') ?? '';
  return fraction ? `${whole}.${fraction}` : whole;
}
