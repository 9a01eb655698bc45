// Where each segment sits in the post's structure (its list, table, quote or figure), tracked
// during the walk from the tags it enters: no extra reads of the page, no layout.
import type { SegmentKind, SegmentLayout } from '../model';
import { imageSource } from './inline';

/** Elements whose segments export as one block. */
const GROUP_TAGS: ReadonlySet<string> = new Set(['ul', 'ol', 'dl', 'table', 'blockquote', 'figure']);

interface GroupFrame {
  element: Element;
  tag: string;
  parent: GroupFrame | null;
  /** 0 until the group's first segment: groups are numbered in the order their words appear. */
  number: number;
  /** Tables: rows entered so far, and the one being read. */
  rows: number;
  row: number;
  /** Figures: the image a caption belongs to, looked up once. */
  image?: { src: string; alt: string } | null;
}

export class LayoutTracker {
  private top: GroupFrame | null = null;
  private groups = 0;

  constructor(private readonly base: string) {}

  /** Called as the walk enters a block; returns what `leave` needs to undo it. */
  enter(element: Element, tag: string): GroupFrame | null {
    if (tag === 'tr') {
      const table = this.nearest('table');
      if (table) table.row = ++table.rows;
      return null;
    }
    if (!GROUP_TAGS.has(tag)) return null;
    const frame: GroupFrame = { element, tag, parent: this.top, number: 0, rows: 0, row: 0 };
    this.top = frame;
    return frame;
  }

  leave(frame: GroupFrame | null): void {
    if (frame) this.top = frame.parent;
  }

  /** The layout of a segment read from `tag` now. */
  layoutOf(tag: string, kind: SegmentKind): SegmentLayout {
    const frame = this.top;
    if (frame === null) return { tag };
    const layout: SegmentLayout = { tag, group: this.numberOf(frame) };
    if (frame.parent) layout.parentGroup = frame.parent.number;
    if ((frame.tag === 'ul' || frame.tag === 'ol') && kind === 'list-item') layout.list = frame.tag;
    if (kind === 'table-cell') {
      const table = this.nearest('table');
      if (table && table.row > 0) layout.row = table.row;
    }
    if (tag === 'figcaption' && frame.tag === 'figure') {
      if (frame.image === undefined) frame.image = this.imageOf(frame.element);
      if (frame.image) layout.image = frame.image;
    }
    return layout;
  }

  private numberOf(frame: GroupFrame): number {
    if (frame.number === 0) {
      if (frame.parent) this.numberOf(frame.parent);
      frame.number = ++this.groups;
    }
    return frame.number;
  }

  private nearest(tag: string): GroupFrame | null {
    for (let frame = this.top; frame !== null; frame = frame.parent) if (frame.tag === tag) return frame;
    return null;
  }

  private imageOf(figure: Element): { src: string; alt: string } | null {
    const image = figure.querySelector('img');
    const src = image ? imageSource(image, this.base) : null;
    return image && src ? { src, alt: image.getAttribute('alt') ?? '' } : null;
  }
}
