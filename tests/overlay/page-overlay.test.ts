// The in-page parts that link page and view: Alt+click picking and the draft preview.
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/pages';
import { DraftPreview } from '../../utils/overlay/draft-preview';
import { listenForSegmentPicks } from '../../utils/overlay/segment-picker';

const page = () =>
  openPage('<article><div class="entry-content"><p id="a">One <a href="/x">link</a>.</p><ul><li id="b">Two</li></ul></div></article>');

describe('segment picks', () => {
  it('picks the segment of an Alt+clicked paragraph, also through a link inside it, and nothing else', () => {
    const doc = page();
    const ids = new Map<Element, string>([[doc.getElementById('a')!, 'p-a'], [doc.getElementById('b')!, 'l-b']]);
    const picked: string[] = [];
    const stop = listenForSegmentPicks(doc, (e) => ids.get(e), (id) => picked.push(id));
    const click = (target: Element, altKey: boolean) => {
      const event = new doc.defaultView!.MouseEvent('click', { bubbles: true, cancelable: true, altKey, button: 0 });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(click(doc.querySelector('a')!, true)).toBe(true); // the link is not followed
    expect(click(doc.getElementById('b')!, true)).toBe(true);
    expect(click(doc.getElementById('a')!, false)).toBe(false); // a plain click is the page's own
    expect(click(doc.querySelector('article')!, true)).toBe(false);
    expect(picked).toEqual(['p-a', 'l-b']);
    stop();
    click(doc.getElementById('a')!, true);
    expect(picked).toHaveLength(2);
  });
});

describe('draft preview', () => {
  it('adds one host per drafted paragraph with no text of its own, updates and removes them', () => {
    const doc = page();
    const elements = new Map([['p-a', doc.getElementById('a')!], ['l-b', doc.getElementById('b')!]]);
    const before = doc.querySelector('article')!.textContent;
    const preview = new DraftPreview(doc);
    expect(preview.show([{ segmentId: 'p-a', text: 'Один ⟨1⟩ссылка⟨/1⟩.' }, { segmentId: 'l-b', text: '  ' }], (id) => elements.get(id), 'ru', 'ltr')).toBe(1);
    const hosts = () => [...doc.querySelectorAll('[data-interlinear-preview]')];
    expect(hosts().map((h) => [h.getAttribute('data-interlinear-preview'), h.parentElement?.id, h.textContent])).toEqual([['p-a', 'a', '']]);
    expect(doc.querySelector('article')!.textContent).toBe(before);
    expect(preview.show([{ segmentId: 'l-b', text: '<img src=x onerror=alert(1)>' }], (id) => elements.get(id), 'ru', 'ltr')).toBe(1);
    expect(hosts().map((h) => h.parentElement?.id)).toEqual(['b']);
    expect(doc.querySelector('img')).toBeNull();
    preview.clear();
    expect(hosts()).toEqual([]);
  });
});
