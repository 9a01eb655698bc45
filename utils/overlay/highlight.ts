// Shows the reader which paragraph a view's editor is about, without touching the page's DOM:
// the CSS Custom Highlight API paints a range, styled from a constructed stylesheet.
const HIGHLIGHT_NAME = 'interlinear-segment';
const STYLE = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 204, 51, 0.45); color: inherit; }`;

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}
type HighlightConstructor = new (...ranges: Range[]) => unknown;

interface HighlightApi {
  registry: HighlightRegistry;
  Highlight: HighlightConstructor;
}

function highlightApi(view: Window | null): HighlightApi | null {
  const win = view as (Window & { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightConstructor }) | null;
  const registry = win?.CSS?.highlights;
  return registry && win?.Highlight ? { registry, Highlight: win.Highlight } : null;
}

export class PageHighlighter {
  private styled = false;

  constructor(private readonly doc: Document) {}

  /** Highlights `element`, scrolling it into view when asked. False when it cannot. */
  show(element: Element | undefined, scroll = false): boolean {
    const api = highlightApi(this.doc.defaultView);
    if (!api || !element?.isConnected) return false;
    this.ensureStyle();
    const range = this.doc.createRange();
    range.selectNodeContents(element);
    api.registry.set(HIGHLIGHT_NAME, new api.Highlight(range));
    if (scroll) element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  }

  clear(): boolean {
    highlightApi(this.doc.defaultView)?.registry.delete(HIGHLIGHT_NAME);
    return true;
  }

  /** Adds our one rule as an adopted stylesheet: the page's own <head> stays as it was. */
  private ensureStyle(): void {
    if (this.styled) return;
    const view = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (!view?.CSSStyleSheet || !('adoptedStyleSheets' in this.doc)) return;
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(STYLE);
    this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
    this.styled = true;
  }
}
