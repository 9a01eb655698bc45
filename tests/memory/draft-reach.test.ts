// @vitest-environment node
// Which held answers a draft written may change, as a view tells it from its post's sources.
import { describe, expect, it } from 'vitest';
import { DraftReach } from '../../utils/memory/candidate-rule';
import type { DraftRecord } from '../../utils/model';

const POST = 'https://diff.wikimedia.org/2024/09/05/reach/';
const segments = [
  'Photographs of the conference hall are on Commons.',
  'The grant committee meets every second Tuesday.',
  'Photographs of the conference hall are now on Commons.',
  'Readers can subscribe to the newsletter by email.',
].map((text, i) => ({ id: `p-${i}`, kind: 'paragraph' as const, text }));
const draft = (segmentId: string, extra: Partial<DraftRecord> = {}): DraftRecord => ({ postKey: POST, lang: 'ru', segmentId, text: 'Перевод.', rev: 1, updatedAt: 1, ...extra });

describe('the reach of a draft written', () => {
  const reach = () => {
    const r = new DraftReach(POST, 'ru');
    r.useSegments(segments);
    return r;
  };

  it('is the segments of the post its source is like, in the language; none in another; any from another post', () => {
    expect(reach().of(draft('p-0'))).toEqual(['p-0', 'p-2']);
    expect(reach().of(draft('p-1'))).toEqual(['p-1']);
    expect(reach().of(draft('p-0', { lang: 'de' }))).toEqual([]);
    expect(reach().of(draft('p-0', { postKey: 'https://diff.wikimedia.org/other/' }))).toBeUndefined();
    expect(reach().of(draft('p-9'))).toBeUndefined();
  });

  it('takes in the old source a draft was written for, also once it is confirmed for the new one', () => {
    const r = reach();
    const oldText = 'Photographs of the conference hall are on Commons today.';
    r.noteOldSources({ 'p-1': oldText });
    expect(r.of(draft('p-1'))).toEqual(['p-1', 'p-0', 'p-2']);
    const heard = reach();
    expect(heard.of(draft('p-3', { sourceChange: { oldText } }))).toEqual(['p-3', 'p-0', 'p-2']);
    expect(heard.of(draft('p-3'))).toEqual(['p-3', 'p-0', 'p-2']);
  });
});
