import { describe, expect, it } from 'vitest';
import { parseMarkup, toHtml } from '../../utils/export/markup';
import type { InlineElement } from '../../utils/model';

const BASE = 'https://diff.wikimedia.org/2024/09/05/post/';
const LINK: InlineElement = { tag: 'a', attrs: { href: '/about/', title: 'About', onclick: 'steal()', style: 'color:red' } };
const BOLD: InlineElement = { tag: 'strong' };
const IMAGE: InlineElement = { tag: 'img', attrs: { src: 'https://upload.wikimedia.org/a.png', alt: 'logo' }, empty: true };

const html = (tagged: string, inline: InlineElement[] = [LINK, BOLD, IMAGE]) => toHtml(parseMarkup(tagged, inline, BASE));

describe('rebuilding inline markup from placeholders', () => {
  it('gives each placeholder its source element back, with only its safe attributes', () => {
    expect(html('Read ⟨1⟩this⟨/1⟩ and ⟨2⟩that⟨/2⟩ ⟨3/⟩.')).toBe(
      'Read <a href="https://diff.wikimedia.org/about/" title="About">this</a> and <strong>that</strong> ' +
        '<img src="https://upload.wikimedia.org/a.png" alt="logo">.',
    );
  });

  it('nests placeholders as the draft nests them, in any order the draft puts them', () => {
    expect(html('⟨2⟩Bold ⟨1⟩link⟨/1⟩⟨/2⟩ first')).toBe(
      '<strong>Bold <a href="https://diff.wikimedia.org/about/" title="About">link</a></strong> first',
    );
  });

  it('turns tokens of unknown elements into text', () => {
    expect(html('A ⟨7⟩ghost⟨/7⟩ and ⟨9/⟩')).toBe('A ⟨7⟩ghost⟨/7⟩ and ⟨9/⟩');
    expect(html('No markup ⟨1⟩at all⟨/1⟩', [])).toBe('No markup ⟨1⟩at all⟨/1⟩');
  });

  it('turns unbalanced tokens into text, never into broken markup', () => {
    expect(html('Open ⟨1⟩never closed')).toBe('Open ⟨1⟩never closed');
    expect(html('Closed ⟨/1⟩ never opened')).toBe('Closed ⟨/1⟩ never opened');
    // Crossed: ⟨2⟩ closes first, so ⟨/1⟩ has no match and ⟨1⟩ stays open: both become text.
    expect(html('⟨1⟩a ⟨2⟩b⟨/1⟩ c⟨/2⟩')).toBe('⟨1⟩a <strong>b⟨/1⟩ c</strong>');
  });

  it('writes a placeholder once: a repeat is text', () => {
    expect(html('⟨2⟩one⟨/2⟩ ⟨2⟩two⟨/2⟩')).toBe('<strong>one</strong> ⟨2⟩two⟨/2⟩');
  });

  it('does not let a paired token stand for an image or an empty token for a link', () => {
    expect(html('⟨3⟩x⟨/3⟩ ⟨1/⟩')).toBe('⟨3⟩x⟨/3⟩ ⟨1/⟩');
  });

  it('drops javascript: and data: addresses but keeps the text', () => {
    const inline: InlineElement[] = [
      { tag: 'a', attrs: { href: 'javascript:alert(1)' } },
      { tag: 'a', attrs: { href: ' JaVaScRiPt:alert(2)' } },
      { tag: 'img', attrs: { src: 'data:image/svg+xml,<svg onload=alert(3)>', alt: 'pic' }, empty: true },
    ];
    expect(html('⟨1⟩one⟨/1⟩ ⟨2⟩two⟨/2⟩ ⟨3/⟩', inline)).toBe('<a>one</a> <a>two</a> pic');
  });

  it('writes elements of unsafe tags as their text only', () => {
    const inline: InlineElement[] = [{ tag: 'script' }, { tag: 'iframe', attrs: { src: 'https://evil.example/' } }];
    expect(html('⟨1⟩alert(1)⟨/1⟩ and ⟨2⟩frame⟨/2⟩', inline)).toBe('alert(1) and frame');
  });

  it('escapes the text around and inside the markup', () => {
    expect(html('<script>alert(1)</script> ⟨2⟩" onerror="x⟨/2⟩ -->')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; <strong>&quot; onerror=&quot;x</strong> --&gt;',
    );
  });
});
