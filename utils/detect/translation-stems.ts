// The word "translate" (its stem) in every language detection has wording for: a text without any
// of these cannot invite anyone to translate. Kept apart and small: the always-on first look tests
// a handful of short strings against it, and readWording uses it to skip texts at once.
// tests/detect/wording-languages.test.ts checks that every invitation the tables read has one of them.

// One string, split for the first look's plain searches and compiled for longer texts: no array
// literal joined, which the bundler's minifier folds wrongly.
const STEM_TEXT =
  'transl|tradu|übersetz|tłumacz|перев|перекла|аудар|tarjima|таржима|ترجم|תרגמ|לתרגם|vertal|vertaal|översätt|oversæt|oversett|kään|tõlgi|tõlki|tulko|versti|išvers|přelo|prelo|preved|prevesti|преве|fordít|μεταφρ|μετάφρ|çevir|tərcümə|თარგმნ|թարգման|अनुवाद|অনুবাদ|மொழிபெயர்|అనువద|പരിഭാഷ|വിവർത്തന|ಭಾಷಾಂತರ|ಅನುವಾದ|भाषांतर|ભાષાંતર|અનુવાદ|ਉਲਥਾ|ਅਨੁਵਾਦ|ਤਰਜਮਾ|පරිවර්තන|แปล|បកប្រែ|ဘာသာပြန်|dịch|erjemah|isalin|magsalin|pertal|tafsiri|翻訳|번역|翻译|翻譯|itzul|cyfieith|þýð|перакла|которуу|котору|которгула|тәрҗемә|тәржемә|ژباړ|وەرگێڕ|وەربگێڕ|werger|traduk|iwwersetz|ittraduċ|treiñ|përkth|орчуул|тарҷума|gharịa|gharia|turju';

/** The stems, lower case, for `includes` on short texts: no regular expression to set up. */
export const STEMS: readonly string[] = STEM_TEXT.split('|');

export const TRANSLATION_STEMS = new RegExp(STEM_TEXT, 'i');

/** Texts longer than this are searched with the compiled pattern, shorter ones with `includes`. */
const SHORT = 4_000;

/**
 * Whether `text` has one of the stems. A short text is searched for each stem as it is: the first
 * regular expression a page's scripts run costs its engine's start-up, which a page without a call
 * to action should not pay for.
 */
export function hasTranslationStem(text: string): boolean {
  if (text.length > SHORT) return TRANSLATION_STEMS.test(text);
  const lower = text.toLowerCase();
  for (const stem of STEMS) if (lower.includes(stem)) return true;
  return false;
}
