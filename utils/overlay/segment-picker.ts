// Alt+click on a paragraph in the page picks its segment, so the view can focus that editor. Only
// a page that asks for translation gets the listener, and only Alt+clicks on our paragraphs are
// taken from the page (Alt+click on a link would otherwise download it).

/** Listens on `doc` for Alt+clicks inside segment elements; returns a function that stops it. */
export function listenForSegmentPicks(
  doc: Document,
  segmentOf: (element: Element) => string | undefined,
  onPick: (segmentId: string) => void,
): () => void {
  const onClick = (event: MouseEvent) => {
    if (!event.altKey || event.button !== 0) return;
    for (let node = event.target as Node | null; node && node !== doc; node = node.parentNode) {
      if (node.nodeType !== 1) continue;
      const segmentId = segmentOf(node as Element);
      if (segmentId === undefined) continue;
      event.preventDefault();
      event.stopPropagation();
      onPick(segmentId);
      return;
    }
  };
  doc.addEventListener('click', onClick, true);
  return () => doc.removeEventListener('click', onClick, true);
}
