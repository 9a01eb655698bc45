// What the block editor's page answers, as data: read in the page's own world (page-world.ts),
// so a page can answer anything. Every answer is checked here before Interlinear looks at it.
import * as v from 'valibot';

/** Where a text sits in a block's attributes: `['content']`, or `['body', 2, 'cells', 0, 'content']` in a table. */
export type AttributePath = Array<string | number>;

/** One text of a block: a rich-text (or html-sourced) attribute, or such a field in a query attribute's rows. */
export interface BlockText {
  path: AttributePath;
  /** Its HTML as the editor holds it (a RichTextData read as its HTML). */
  html: string;
  /** The attribute's selector in the block's markup, when it has one (`figcaption`, `cite`). */
  selector?: string;
}

/** A block of the editor, reduced to what filling needs. */
export interface EditorBlock {
  clientId: string;
  name: string;
  /** The block's "Additional CSS class(es)". */
  className?: string;
  texts: BlockText[];
  innerBlocks: EditorBlock[];
}

/** The editor as the page reports it. */
export interface EditorReading {
  /** The post being edited (an auto-draft's id too). */
  postId: number;
  postType: string;
  /** 'auto-draft' until the post is first saved. */
  status: string;
  title: string;
  /** When the post was last saved, as the site wrote it. */
  modified: string;
  /** Edited since it was last saved. */
  dirty: boolean;
  saving: boolean;
  blocks: EditorBlock[];
}

/** What the page reports after a fill. */
export interface FillOutcome {
  /** Texts written. */
  applied: number;
  /** Blocks the edits named that the editor no longer holds (the translator changed it meanwhile). */
  missing: string[];
  /** Names of the blocks that would not pass the editor's validation once saved and opened again. */
  invalid: string[];
  /** How many blocks (inner ones too) the editor holds now. */
  blockCount: number;
}

const MAX_BLOCKS = 100_000;
const MAX_DEPTH = 40;
const clientId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const html = v.pipe(v.string(), v.maxLength(1_000_000));
const pathStep = v.union([v.pipe(v.string(), v.maxLength(200)), v.pipe(v.number(), v.integer(), v.minValue(0))]);

const blockText = v.object({
  path: v.pipe(v.array(pathStep), v.minLength(1), v.maxLength(12)),
  html,
  selector: v.optional(v.pipe(v.string(), v.maxLength(500))),
});

const blockSchema: v.GenericSchema<EditorBlock> = v.object({
  clientId,
  name,
  className: v.optional(v.pipe(v.string(), v.maxLength(2_000))),
  texts: v.pipe(v.array(blockText), v.maxLength(10_000)),
  innerBlocks: v.pipe(
    v.array(v.lazy(() => blockSchema)),
    v.maxLength(MAX_BLOCKS),
  ),
});

const readingSchema = v.object({
  postId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  postType: v.pipe(v.string(), v.maxLength(200)),
  status: v.pipe(v.string(), v.maxLength(100)),
  title: v.pipe(v.string(), v.maxLength(100_000)),
  modified: v.pipe(v.string(), v.maxLength(100)),
  dirty: v.boolean(),
  saving: v.boolean(),
  blocks: v.pipe(v.array(blockSchema), v.maxLength(MAX_BLOCKS)),
});

const outcomeSchema = v.object({
  applied: v.pipe(v.number(), v.integer(), v.minValue(0)),
  missing: v.pipe(v.array(clientId), v.maxLength(MAX_BLOCKS)),
  invalid: v.pipe(v.array(name), v.maxLength(MAX_BLOCKS)),
  blockCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The page's reading of its editor, or null when it is none or not shaped as one. */
export function checkedReading(value: unknown): EditorReading | null {
  let parsed: v.SafeParseResult<typeof readingSchema>;
  try {
    parsed = v.safeParse(readingSchema, value);
  } catch {
    return null; // nested past what the stack holds: no editor builds such a tree
  }
  if (!parsed.success) return null;
  return depthOf(parsed.output.blocks) <= MAX_DEPTH && countBlocks(parsed.output.blocks) <= MAX_BLOCKS ? parsed.output : null;
}

/** The page's report of a fill, or null when it is not shaped as one. */
export function checkedOutcome(value: unknown): FillOutcome | null {
  const parsed = v.safeParse(outcomeSchema, value);
  return parsed.success ? parsed.output : null;
}

export function countBlocks(blocks: readonly EditorBlock[]): number {
  let count = 0;
  for (const block of blocks) count += 1 + countBlocks(block.innerBlocks);
  return count;
}

function depthOf(blocks: readonly EditorBlock[]): number {
  let deepest = 0;
  for (const block of blocks) deepest = Math.max(deepest, 1 + depthOf(block.innerBlocks));
  return deepest;
}

/**
 * True when the editor holds nothing yet: no blocks, or only empty ones (a new post's first
 * paragraph), and no title.
 */
export function isEmptyEditor(reading: Pick<EditorReading, 'blocks' | 'title'>): boolean {
  return reading.title.trim() === '' && reading.blocks.every(isEmptyBlock);
}

function isEmptyBlock(block: EditorBlock): boolean {
  return block.name === 'core/paragraph' && block.texts.every((text) => text.html.trim() === '') && block.innerBlocks.length === 0;
}
