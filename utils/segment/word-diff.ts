// Word-level diffs of two source texts, with diff-match-patch in its "word mode": each distinct
// word (or run of spaces, or punctuation mark) is encoded as one character, the encoded strings are
// diffed, and the characters decoded back into words.
import DiffMatchPatch from 'diff-match-patch';

export type WordChange = 'same' | 'removed' | 'added';

export interface WordDiffPart {
  change: WordChange;
  text: string;
}

/** Words, spaces and single punctuation marks, in order; joined they give the text back. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+|\s+|[^\p{L}\p{M}\p{N}_\s]/gu;

const engine = new DiffMatchPatch();
// No time limit: a paragraph diffs in well under a millisecond, and the answer must not depend
// on how busy the machine is.
engine.Diff_Timeout = 0;

interface Encoded {
  a: string;
  b: string;
  tokens: string[];
}

function encode(a: string, b: string): Encoded {
  const tokens: string[] = [''];
  const codes = new Map<string, string>();
  const toChars = (text: string) => {
    let chars = '';
    for (const token of text.match(TOKEN) ?? []) {
      let code = codes.get(token);
      if (code === undefined) {
        code = String.fromCharCode(tokens.length);
        codes.set(token, code);
        tokens.push(token);
      }
      chars += code;
    }
    return chars;
  };
  return { a: toChars(a), b: toChars(b), tokens };
}

/** The word-level diff of `before` and `after`, in reading order. */
export function wordDiff(before: string, after: string): WordDiffPart[] {
  const { a, b, tokens } = encode(before, after);
  const diffs = engine.diff_main(a, b, false);
  engine.diff_charsToLines_(diffs, tokens);
  engine.diff_cleanupSemantic(diffs);
  return diffs.map(([op, text]) => ({ change: op === 0 ? 'same' : op < 0 ? 'removed' : 'added', text }));
}

/** How many tokens (words, spaces, marks) a text has: what similarity is measured in. */
export function wordCount(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}

/**
 * How alike two texts are, word by word: 1 for the same words, 0 for nothing in common
 * (1 − the word-level edit distance over the longer text's word count).
 */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const encoded = encode(a, b);
  const longest = Math.max(encoded.a.length, encoded.b.length);
  if (longest === 0) return 1;
  const diffs = engine.diff_main(encoded.a, encoded.b, false);
  return 1 - engine.diff_levenshtein(diffs) / longest;
}
