// Resting rows (components/post/RestingRow.tsx): a long post's rows far from the viewport, kept as
// hidden-until-found text — page text as text, made once, moved rather than made again.
import { describe, expect, it } from 'vitest';
import { RestingRows, type RestingRowProps } from '../../components/post/RestingRow';
import type { Segment } from '../../utils/model';

const segment = (n: number, text = `Paragraph ${n}.`): Segment => ({ id: `p-${n}`, kind: 'paragraph', text });
/** Segment p-n's resting row; its place in the post is n. */
const row = (s: Segment, text = '', height?: number): RestingRowProps => ({
  segment: s,
  index: Number(s.id.slice(2)),
  text,
  sourceLanguage: 'en',
  targetLanguage: 'fa',
  height,
});
const rowsIn = (range: HTMLElement) => [...range.querySelectorAll<HTMLElement>('.resting-row')];
const ids = (range: HTMLElement) => rowsIn(range).map((child) => child.dataset.segmentId);

describe('resting rows', () => {
  it('keep source and draft as text, hidden until found, the height of their row', () => {
    const range = document.createElement('li');
    const hostile = segment(1, '<img src=x onerror=alert(1)> and words');
    new RestingRows().fill(range, [row(hostile, 'پیش‌نویس', 240)]);
    const rest = rowsIn(range)[0]!;
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
    const third = rowsIn(after)[2];
    // Rows 1 and 2 become editors, row 3 rests before them now, row 5's draft changed.
    made.fill(before, [row(segments[2]!)]);
    made.fill(after, [row(segments[3]!), row(segments[4]!, 'Пятый.')]);
    expect(ids(before)).toEqual(['p-3']);
    expect(rowsIn(before)[0]).toBe(third);
    expect(ids(after)).toEqual(['p-4', 'p-5']);
    expect(rowsIn(after)[1]!.querySelector('.segment-draft')!.textContent).toBe('Пятый.');
  });

  it('share a chunk per fifty segments, as tall as its rows added up, and keep it as rows come and go', () => {
    const made = new RestingRows();
    const range = document.createElement('li');
    const all = Array.from({ length: 120 }, (_, n) => row(segment(n), '', 100 + n));
    made.fill(range, all.slice(10));
    const chunks = [...range.children] as HTMLElement[];
    expect(chunks.map((chunk) => chunk.className)).toEqual(['resting-chunk', 'resting-chunk', 'resting-chunk']);
    expect(chunks.map((chunk) => chunk.children.length)).toEqual([40, 50, 20]);
    const heightOf = (from: number, to: number) => all.slice(from, to).reduce((sum, r) => sum + r.height!, 0);
    expect(chunks.map((chunk) => chunk.style.getPropertyValue('contain-intrinsic-height'))).toEqual(
      [heightOf(10, 50), heightOf(50, 100), heightOf(100, 120)].map((h) => `${h}px`),
    );
    // Find-in-page showed a row; rows 10–59 become editors: the first chunk goes, the second shrinks.
    const shown = rowsIn(range).find((r) => r.dataset.segmentId === 'p-70')!;
    shown.removeAttribute('hidden');
    made.fill(range, all.slice(60));
    expect([...range.children]).toEqual(chunks.slice(1));
    expect(chunks[1]!.children.length).toBe(40);
    expect(chunks[1]!.style.getPropertyValue('contain-intrinsic-height')).toBe(`${heightOf(60, 100)}px`);
    // A row shown by find-in-page rests hidden again, the height its chunk counts.
    expect(shown.getAttribute('hidden')).toBe('until-found');
  });
});
