// Resting rows (components/post/RestingRow.tsx): a long post's rows far from the viewport, kept as
// hidden-until-found text — page text as text, made once, moved rather than made again.
import { describe, expect, it } from 'vitest';
import { RestingRows, type RestingRowProps } from '../../components/post/RestingRow';
import type { Segment } from '../../utils/model';

const segment = (n: number, text = `Paragraph ${n}.`): Segment => ({ id: `p-${n}`, kind: 'paragraph', text });
const row = (s: Segment, text = '', height?: number): RestingRowProps => ({ segment: s, text, sourceLanguage: 'en', targetLanguage: 'fa', height });
const ids = (range: HTMLElement) => [...range.children].map((child) => (child as HTMLElement).dataset.segmentId);

describe('resting rows', () => {
  it('keep source and draft as text, hidden until found, the height of their row', () => {
    const range = document.createElement('li');
    const hostile = segment(1, '<img src=x onerror=alert(1)> and words');
    new RestingRows().fill(range, [row(hostile, 'پیش‌نویس', 240)]);
    const rest = range.firstElementChild as HTMLElement;
    expect(rest.getAttribute('hidden')).toBe('until-found');
    expect(rest.style.getPropertyValue('contain-intrinsic-height')).toBe('240px');
    expect(range.querySelectorAll('img')).toHaveLength(0);
    expect(rest.querySelector('.segment-source')!.textContent).toBe(hostile.text);
    expect(rest.querySelector('.segment-source')!.getAttribute('lang')).toBe('en');
    expect(rest.querySelector('.segment-draft')!.textContent).toBe('پیش‌نویس');
    expect(rest.querySelector('.segment-draft')!.getAttribute('dir')).toBe('rtl');
  });

  it('follow the list as rows come and go, moving the ones made and remaking only what changed', () => {
    const segments = [1, 2, 3, 4, 5].map((n) => segment(n));
    const made = new RestingRows();
    const before = document.createElement('li');
    const after = document.createElement('li');
    made.fill(after, segments.map((s) => row(s)));
    const third = after.children[2];
    // Rows 1 and 2 become editors, row 3 rests before them now, row 5's draft changed.
    made.fill(before, [row(segments[2]!)]);
    made.fill(after, [row(segments[3]!), row(segments[4]!, 'Пятый.')]);
    expect(ids(before)).toEqual(['p-3']);
    expect(before.firstElementChild).toBe(third);
    expect(ids(after)).toEqual(['p-4', 'p-5']);
    expect(after.lastElementChild!.querySelector('.segment-draft')!.textContent).toBe('Пятый.');
  });
});
