// The fields of a segment the store keeps: what it says and the markup and layout exports rebuild,
// and nothing else a snapshot might carry.
import type { Segment } from '../model';

export function storedSegment({ id, kind, text, tagged, inline, layout }: Segment): Segment {
  const segment: Segment = { id, kind, text };
  if (tagged !== undefined && inline !== undefined) {
    segment.tagged = tagged;
    segment.inline = inline;
  }
  if (layout !== undefined) segment.layout = layout;
  return segment;
}
