// The tagged twin of a segment's text: the same words with each inline element as a numbered
// placeholder. Built during the walk, beside the plain run, only once a run meets inline markup,
// so segments without markup cost nothing extra.
import type { InlineElement } from '../model';
import { CLOSE_BRACKET, OPEN_BRACKET, closeToken, emptyToken, openToken, stripTokens } from './placeholders';

/** An inline element the walk is inside of; `n` is its placeholder in the current run. */
interface OpenElement {
  inline: InlineElement;
  n: number;
  /** Where its content starts in the tagged run. */
  contentAt: number;
}

const ONLY_WHITESPACE = /^\s*$/;
const HAS_WORDS = /\S/;
/** A line break's token, or an element left holding nothing, followed only by closing tokens. */
const TRAILING_EMPTY = /\u27e8([1-9][0-9]{0,3})(?:\/\u27e9|\u27e9\u27e8\/\1\u27e9)((?:\u27e8\/[1-9][0-9]{0,3}\u27e9)*)$/;
// As in normaliseText: lone spaces, by far the most common, are left alone, which is much faster.
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;
const ODD_WHITESPACE = /\s{2,}|[^\S ]/;
const OPEN_CODE = 0x27e8;
const CLOSE_CODE = 0x27e9;
const SPACE_CODE = 32;

/** The index after the tokens (or bracketed text) that start at `at`. */
function afterTokens(text: string, at: number): number {
  while (text.charCodeAt(at) === OPEN_CODE) {
    const end = text.indexOf(CLOSE_BRACKET, at);
    if (end < 0) break;
    at = end + 1;
  }
  return at;
}

/**
 * Whether normaliseTagged has anything to change: a whitespace run or a non-space, a space at
 * either end (tokens aside), or spaces on both sides of tokens (two spaces once they are
 * stripped). Most tagged texts have none and are returned as they are. Scans rather than one
 * regular expression: this runs for every tagged segment.
 */
function needsNormalising(text: string): boolean {
  if (ODD_WHITESPACE.test(text)) return true;
  if (text.charCodeAt(afterTokens(text, 0)) === SPACE_CODE) return true;
  let last = text.length - 1;
  while (text.charCodeAt(last) === CLOSE_CODE) {
    const start = text.lastIndexOf(OPEN_BRACKET, last);
    if (start < 0) break;
    last = start - 1;
  }
  if (text.charCodeAt(last) === SPACE_CODE) return true;
  for (let at = text.indexOf(` ${OPEN_BRACKET}`); at >= 0; at = text.indexOf(` ${OPEN_BRACKET}`, at + 1)) {
    if (text.charCodeAt(afterTokens(text, at + 1)) === SPACE_CODE) return true;
  }
  return false;
}

/** A token at a given position (sticky), as parseTagged reads them. */
const TOKEN_AT = /\u27e8(\/?)[1-9][0-9]{0,3}(\/?)\u27e9/y;

export class TaggedRun {
  /** The run with tokens, or null while the run has met no placeholder. */
  private tagged: string | null = null;
  private inline: InlineElement[] = [];
  private readonly open: OpenElement[] = [];

  /** Text read into the run; `plainSoFar` is the plain run before it, to start the tagged one. */
  addText(text: string): void {
    if (this.tagged !== null) this.tagged += text;
  }

  addEmpty(inline: InlineElement, plainSoFar: string): void {
    this.inline.push(inline);
    this.start(plainSoFar);
    this.tagged += emptyToken(this.inline.length);
  }

  /**
   * A line break: an empty placeholder, except at the start of a block, where it adds nothing
   * (WordPress often opens a paragraph with one). One at the end is dropped by `finish`.
   */
  addBreak(inline: InlineElement, plainSoFar: string): void {
    if (HAS_WORDS.test(plainSoFar) || this.inline.some((element) => element.empty)) this.addEmpty(inline, plainSoFar);
  }

  /** Opens a placeholder; returns the handle `close` takes. */
  openElement(inline: InlineElement, plainSoFar: string): OpenElement {
    this.start(plainSoFar);
    const element: OpenElement = { inline, n: 0, contentAt: 0 };
    this.reopen(element);
    this.open.push(element);
    return element;
  }

  /** Closes a placeholder; one that holds no words (an empty <strong>) is taken out again. */
  closeElement(element: OpenElement): void {
    this.open.pop();
    const tagged = this.tagged!;
    // Only a short content can be blank; reading a long one would flatten the whole run.
    const content = tagged.length - element.contentAt <= 16 ? tagged.slice(element.contentAt) : null;
    if (content !== null && element.n === this.inline.length && ONLY_WHITESPACE.test(content)) {
      this.inline.pop();
      this.tagged = tagged.slice(0, element.contentAt - openToken(element.n).length) + content;
    } else {
      this.tagged = tagged + closeToken(element.n);
    }
  }

  /**
   * Ends the run whose plain text normalised to `text`: the tagged text and inline elements, or
   * null when the run holds no placeholder. Elements still open (a block inside a link) are closed
   * here and opened again for the next run, so every segment's placeholders are balanced.
   */
  finish(text: string): { tagged: string; inline: InlineElement[] } | null {
    let tagged = this.tagged;
    const inline = this.inline;
    for (let i = this.open.length - 1; i >= 0 && tagged !== null; i--) tagged += closeToken(this.open[i]!.n);
    this.tagged = null;
    this.inline = [];
    if (this.open.length > 0) {
      this.start('');
      for (const element of this.open) this.reopen(element);
    }
    if (tagged === null || inline.length === 0 || text === '') return null;
    const normalised = withoutTrailingBreaks(normaliseTagged(tagged), inline);
    if (inline.length === 0) return null;
    // Page text that itself looks like a token would make the placeholders ambiguous: keep it plain.
    if (text.includes('\u27e8') && stripTokens(normalised) !== text) return null;
    return { tagged: normalised, inline };
  }

  private start(plainSoFar: string): void {
    if (this.tagged === null) this.tagged = plainSoFar;
  }

  private reopen(element: OpenElement): void {
    this.inline.push(element.inline);
    element.n = this.inline.length;
    this.tagged += openToken(element.n);
    element.contentAt = this.tagged!.length;
  }
}

/**
 * Collapses whitespace as normaliseText does, reading across tokens, so that
 * `stripTokens(normaliseTagged(t)) === normaliseText(stripTokens(t))`. A space between words goes
 * before an opening token and after a closing one, so links do not start or end with a space.
 */
export function normaliseTagged(tagged: string): string {
  if (!needsNormalising(tagged)) return tagged;
  let out = '';
  let wroteText = false;
  /** Whitespace was read after the last words and not yet written. */
  let spaceWaiting = false;
  /** The last character written, tokens aside, is a space. */
  let endsWithSpace = false;
  /** A space written before a token with no words after it yet: dropped if none follow. */
  let danglingSpaceAt = -1;

  const addText = (text: string) => {
    let words = text.replace(WHITESPACE_TO_COLLAPSE, ' ');
    if (words.charCodeAt(0) === 32) {
      if (wroteText && !endsWithSpace) spaceWaiting = true;
      words = words.slice(1);
    }
    if (words === '') return;
    const spaceAfter = words.charCodeAt(words.length - 1) === 32;
    if (spaceAfter) words = words.slice(0, -1);
    out += (spaceWaiting ? ' ' : '') + words;
    wroteText = true;
    endsWithSpace = false;
    danglingSpaceAt = -1;
    spaceWaiting = spaceAfter;
  };

  // A scan for the opening bracket rather than parseTagged: this runs for every tagged segment.
  let textFrom = 0;
  for (let at = tagged.indexOf(OPEN_BRACKET); at >= 0; at = tagged.indexOf(OPEN_BRACKET, at + 1)) {
    TOKEN_AT.lastIndex = at;
    const match = TOKEN_AT.exec(tagged);
    if (match === null || (match[1] && match[2])) continue;
    if (at > textFrom) addText(tagged.slice(textFrom, at));
    if (spaceWaiting && !match[1]) {
      danglingSpaceAt = out.length;
      out += ' ';
      spaceWaiting = false;
      endsWithSpace = true;
    }
    out += match[0];
    textFrom = at + match[0].length;
    at = textFrom - 1;
  }
  if (textFrom < tagged.length) addText(tagged.slice(textFrom));
  if (danglingSpaceAt >= 0) out = out.slice(0, danglingSpaceAt) + out.slice(danglingSpaceAt + 1);
  return out;
}

/**
 * Drops line breaks at the end of a run (and elements they leave empty), which add nothing: only
 * those numbered last, so the other placeholders keep their numbers. Changes `inline` in place.
 */
function withoutTrailingBreaks(tagged: string, inline: InlineElement[]): string {
  if (tagged.charCodeAt(tagged.length - 1) !== CLOSE_CODE || inline[inline.length - 1]?.tag !== 'br') return tagged;
  let out = tagged;
  for (let match = TRAILING_EMPTY.exec(out); match !== null; match = TRAILING_EMPTY.exec(out)) {
    const last = inline[inline.length - 1];
    const isBreak = match[0].startsWith(emptyToken(inline.length));
    if (Number(match[1]) !== inline.length || (isBreak && last?.tag !== 'br')) break;
    inline.pop();
    out = out.slice(0, match.index) + match[2];
  }
  return out === tagged ? tagged : normaliseTagged(out);
}
