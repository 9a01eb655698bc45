// Which text of the block editor each segment came from. The segments were read from the post as
// the site shows it; the editor holds the blocks it was made of. A segment is matched to the text
// whose words are its words (matchKey), the next one in reading order first, so a paragraph said
// twice is matched twice in turn; nothing depends on a block's type, so blocks Interlinear has
// never heard of are matched as well as paragraphs.
import type { AttributePath, EditorBlock } from './editor-state';
import { matchKey, richTextWords } from './inline-html';

/** One text of the editor that a segment may have come from. */
export interface TextSlot {
  clientId: string;
  blockName: string;
  path: AttributePath;
  html: string;
  /** The block has no other text: marking it may mark the block itself. */
  onlyText: boolean;
  /** The block's own classes. */
  className?: string;
}

/** Blocks whose inner blocks belong to something else (a synced pattern): left as they are. */
const FOREIGN_INNER_BLOCKS: ReadonlySet<string> = new Set(['core/block', 'core/template-part']);
/** A block's texts shown after its inner blocks: a quote's attribution, a caption. */
const AFTER_INNER = /(?:^|[\s,>])(?:cite|figcaption)\b|caption/;

/** Every text of the blocks in reading order. */
export function textSlots(blocks: readonly EditorBlock[]): TextSlot[] {
  const slots: TextSlot[] = [];
  const visit = (block: EditorBlock) => {
    const onlyText = block.texts.length === 1;
    const slotOf = (text: EditorBlock['texts'][number]): TextSlot => ({
      clientId: block.clientId,
      blockName: block.name,
      path: text.path,
      html: text.html,
      onlyText,
      ...(block.className !== undefined && { className: block.className }),
    });
    const after = block.texts.filter((text) => text.selector !== undefined && AFTER_INNER.test(text.selector));
    for (const text of block.texts) if (!after.includes(text)) slots.push(slotOf(text));
    if (!FOREIGN_INNER_BLOCKS.has(block.name)) block.innerBlocks.forEach(visit);
    for (const text of after) slots.push(slotOf(text));
  };
  blocks.forEach(visit);
  return slots;
}

/** What a segment may be found by: its source text, and else (a post filled before) its draft's. */
export interface Findable {
  text: string;
  also?: string;
}

/**
 * For each segment, the index of its slot, or -1 when no text of the editor says what it says.
 * Each slot serves one segment at most. Sources are matched first, drafts after, so a post filled
 * before is filled again with the drafts as they are now.
 */
export function matchSegments(segments: readonly Findable[], slots: readonly TextSlot[]): number[] {
  const byKey = new Map<string, number[]>();
  slots.forEach((slot, index) => {
    const words = richTextWords(slot.html);
    if (words === '') return;
    const key = matchKey(words);
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
  });
  const used = new Set<number>();
  const find = (text: string, cursor: number): number => {
    const candidates = byKey.get(matchKey(text));
    if (!candidates) return -1;
    // The next such text in reading order, else the first one left anywhere (a moved paragraph).
    const found =
      candidates.find((index) => index >= cursor && !used.has(index)) ?? candidates.find((index) => !used.has(index));
    if (found === undefined) return -1;
    used.add(found);
    return found;
  };
  let cursor = 0;
  const matches = segments.map((segment) => {
    const found = find(segment.text, cursor);
    if (found >= 0) cursor = found + 1;
    return found;
  });
  cursor = 0;
  return matches.map((found, i) => {
    const also = segments[i]!.also;
    if (found >= 0) {
      cursor = found + 1;
      return found;
    }
    if (!also) return -1;
    const again = find(also, cursor);
    if (again >= 0) cursor = again + 1;
    return again;
  });
}
