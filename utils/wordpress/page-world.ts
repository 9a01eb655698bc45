// The two functions Interlinear runs in the block editor's own page (scripting.executeScript,
// world MAIN), where the editor's APIs live: `wp.data`, `wp.blocks`. Each is sent to the page as
// its source text, so it may use nothing from outside itself: no imports, no helpers of this file,
// only its arguments and the page's globals. What they answer is checked (editor-state.ts).
import type { FillPlan } from './fill-plan';

/* eslint-disable @typescript-eslint/no-explicit-any -- the page's editor is untyped here */

/**
 * The editor's post and blocks, each block reduced to its texts: the attributes its block type
 * sources from HTML (`source: 'html'` to WordPress 6.4, `'rich-text'` from 6.5, whose values are
 * RichTextData, read as HTML) and such fields of its `query` attributes (a table's cells). Null
 * when the page holds no block editor.
 */
export function readBlockEditor(): unknown {
  const wp = (globalThis as any).wp;
  const editor = wp?.data?.select?.('core/block-editor');
  const post = wp?.data?.select?.('core/editor');
  if (!editor?.getBlocks || !post?.getCurrentPostId || !wp.blocks?.getBlockType) return null;
  const html = (value: any): string =>
    typeof value === 'string' ? value : value == null ? '' : typeof value.toHTMLString === 'function' ? value.toHTMLString() : String(value);
  const isText = (schema: any, nested: boolean): boolean =>
    (schema?.source === 'html' || schema?.source === 'rich-text') &&
    !schema.multiline && // a list's or quote's pre-6.1 form, kept by the block only to migrate it
    (nested || typeof schema.selector === 'string'); // without one, it is the block's raw HTML (Custom HTML)
  const textsOf = (schemas: any, values: any, path: Array<string | number>, nested: boolean, out: any[]): void => {
    for (const [name, schema] of Object.entries<any>(schemas ?? {})) {
      const value = values?.[name];
      if (isText(schema, nested)) {
        const text: any = { path: [...path, name], html: html(value) };
        if (typeof schema.selector === 'string') text.selector = schema.selector;
        out.push(text);
      } else if (schema?.source === 'query' && Array.isArray(value)) {
        value.forEach((row, i) => textsOf(schema.query, row, [...path, name, i], true, out));
      }
    }
  };
  const blockOf = (block: any): any => {
    const texts: any[] = [];
    textsOf(wp.blocks.getBlockType(block.name)?.attributes, block.attributes, [], false, texts);
    const reduced: any = { clientId: block.clientId, name: block.name, texts, innerBlocks: (block.innerBlocks ?? []).map(blockOf) };
    if (typeof block.attributes?.className === 'string') reduced.className = block.attributes.className;
    return reduced;
  };
  return {
    postId: post.getCurrentPostId(),
    postType: post.getCurrentPostType(),
    status: post.getEditedPostAttribute('status') ?? '',
    title: post.getEditedPostAttribute('title') ?? '',
    modified: String(post.getCurrentPostAttribute('modified') ?? ''),
    dirty: post.isEditedPostDirty(),
    saving: post.isSavingPost(),
    blocks: editor.getBlocks().map(blockOf),
  };
}

/**
 * Applies a fill plan as ONE edit of the post (title and blocks together), so the editor's undo
 * takes it back in one step: the same edit the editor makes for its own undo (`editPost` with the
 * blocks, the content serialised from them). Nothing is saved. Then serialises the blocks and
 * parses them again, as opening the saved post would, to name any block the editor would flag.
 */
export function fillBlockEditor(plan: FillPlan): unknown {
  const wp = (globalThis as any).wp;
  const editor = wp?.data?.select?.('core/block-editor');
  if (!editor?.getBlocks || !wp.data.dispatch?.('core/editor')?.editPost || !wp.blocks?.parse) return null;
  const byBlock = new Map<string, FillPlan['edits']>();
  for (const edit of plan.edits ?? []) byBlock.set(edit.clientId, [...(byBlock.get(edit.clientId) ?? []), edit]);
  const setAt = (target: any, path: Array<string | number>, value: string): any => {
    if (path.length === 0) return value;
    const [step, ...rest] = path as [string | number, ...Array<string | number>];
    const copy: any = Array.isArray(target) ? [...target] : { ...(target ?? {}) };
    copy[step] = setAt(copy[step], rest, value);
    return copy;
  };
  let applied = 0;
  const seen = new Set<string>();
  const rebuild = (block: any): any => {
    seen.add(block.clientId);
    const edits = byBlock.get(block.clientId);
    let attributes = block.attributes;
    for (const edit of edits ?? []) {
      attributes = setAt(attributes, edit.path, edit.value);
      applied++;
    }
    const innerBlocks = (block.innerBlocks ?? []).map(rebuild);
    const innerChanged = innerBlocks.some((inner: any, i: number) => inner !== block.innerBlocks[i]);
    return edits || innerChanged ? { ...block, attributes, innerBlocks } : block;
  };
  // Chrome hands a null argument to the page as undefined: test the types, not against null.
  const insert = typeof plan.markup === 'string';
  const blocks = insert ? wp.blocks.parse(plan.markup) : editor.getBlocks().map(rebuild);
  const serialise = (list: any[]): string =>
    (wp.blocks.__unstableSerializeAndClean ?? wp.blocks.serialize)(list);
  const edits: any = { blocks, content: ({ blocks: current = [] }: any) => serialise(current) };
  if (typeof plan.title === 'string') edits.title = plan.title;
  wp.data.dispatch('core/editor').editPost(edits);

  const invalid: string[] = [];
  let blockCount = 0;
  const check = (list: any[]): void => {
    for (const block of list) {
      blockCount++;
      if (block.isValid === false) invalid.push(block.name);
      check(block.innerBlocks ?? []);
    }
  };
  check(wp.blocks.parse(wp.blocks.serialize(blocks)));
  const missing = insert ? [] : [...byBlock.keys()].filter((id) => !seen.has(id));
  return { applied, missing, invalid, blockCount };
}
