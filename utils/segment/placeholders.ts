// Inline markup as numbered placeholders: `⟨1⟩previous post⟨/1⟩` for a link, `⟨2/⟩` for an
// element without text. The brackets are U+27E8 and U+27E9, which running text almost never holds,
// so a draft is plain text that still says where each piece of markup goes.

export const OPEN_BRACKET = '\u27e8';
export const CLOSE_BRACKET = '\u27e9';

/** One piece of a tagged text: plain text, or a placeholder's opening, closing or empty token. */
export type TaggedPart =
  | { type: 'text'; text: string }
  | { type: 'open' | 'close' | 'empty'; n: number; token: string };

const TOKEN = /\u27e8(\/?)([1-9][0-9]{0,3})(\/?)\u27e9/g;

export function openToken(n: number): string {
  return `${OPEN_BRACKET}${n}${CLOSE_BRACKET}`;
}

export function closeToken(n: number): string {
  return `${OPEN_BRACKET}/${n}${CLOSE_BRACKET}`;
}

export function emptyToken(n: number): string {
  return `${OPEN_BRACKET}${n}/${CLOSE_BRACKET}`;
}

/**
 * Splits a tagged text into text and tokens, in order. Bracketed text that is not a well-formed
 * token (`⟨x⟩`, `⟨/1/⟩`) stays text. Nothing is checked for balance here: see the quality checks.
 */
export function parseTagged(tagged: string): TaggedPart[] {
  const parts: TaggedPart[] = [];
  let last = 0;
  for (const match of tagged.matchAll(TOKEN)) {
    const [token, slash, digits, selfClosing] = match;
    if (slash && selfClosing) continue; // ⟨/1/⟩ is no token
    const at = match.index;
    if (at > last) parts.push({ type: 'text', text: tagged.slice(last, at) });
    const type = slash ? 'close' : selfClosing ? 'empty' : 'open';
    parts.push({ type, n: Number(digits), token });
    last = at + token.length;
  }
  if (last < tagged.length) parts.push({ type: 'text', text: tagged.slice(last) });
  return parts;
}

/** The text without its tokens. */
export function stripTokens(tagged: string): string {
  return parseTagged(tagged)
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('');
}
