// "Show my drafts in the page": each draft under its paragraph, inside a closed shadow root, so
// the page's styles and ours never mix and page scripts cannot read it through the host. The
// page's own text is never changed: a host holds no light-DOM text, only its shadow tree, so
// reading the page again (detection, segmentation) finds nothing in it.
import { stripTokens } from '../segment/placeholders';

const HOST_ATTRIBUTE = 'data-interlinear-preview';
const STYLE = `
:host { all: initial; display: block; margin: 0.35em 0 0.8em; }
p { margin: 0; padding: 0.35em 0.6em; border-inline-start: 3px solid #36c; background: #eef3ff;
    color: #202122; font: 0.95em/1.5 system-ui, sans-serif; white-space: pre-wrap; }
`;

export interface PreviewDraft {
  segmentId: string;
  text: string;
}

export class DraftPreview {
  /** segment id → its host element and the paragraph inside its shadow root. */
  private readonly shown = new Map<string, { host: HTMLElement; line: HTMLElement }>();

  constructor(private readonly doc: Document) {}

  /** Shows these drafts (empty ones hide theirs) under the elements that show their segments. */
  show(drafts: PreviewDraft[], elementOf: (segmentId: string) => Element | undefined, lang: string, dir: string): number {
    const wanted = new Set<string>();
    for (const { segmentId, text } of drafts) {
      const plain = stripTokens(text).trim();
      const element = elementOf(segmentId);
      if (!plain || !element?.isConnected) continue;
      wanted.add(segmentId);
      const entry = this.shown.get(segmentId) ?? this.attach(segmentId, element);
      entry.line.textContent = plain;
      entry.line.lang = lang;
      entry.line.dir = dir;
    }
    for (const [segmentId, { host }] of this.shown) {
      if (wanted.has(segmentId)) continue;
      host.remove();
      this.shown.delete(segmentId);
    }
    return this.shown.size;
  }

  clear(): void {
    for (const { host } of this.shown.values()) host.remove();
    this.shown.clear();
  }

  private attach(segmentId: string, element: Element) {
    const host = this.doc.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, segmentId);
    const root = host.attachShadow({ mode: 'closed' });
    const line = this.doc.createElement('p');
    // A constructed sheet: no <style> element for a page's style-src policy to refuse.
    const view = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (view?.CSSStyleSheet && 'adoptedStyleSheets' in root) {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    }
    root.append(line);
    // Inside the paragraph's own element, so a list item's preview stays inside its list.
    element.append(host);
    const entry = { host, line };
    this.shown.set(segmentId, entry);
    return entry;
  }
}
