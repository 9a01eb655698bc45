// Code is not prose to translate: code blocks and runs of code alone are no segments; inline code
// in a sentence stays, as a placeholder; a <pre> of words (a poem, an address) stays.
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../utils/segment';
import { openPage } from '../support/pages';

function segmentsOf(body: string) {
  const doc = openPage(`<!doctype html><html><body><div id="c">${body}</div></body></html>`);
  return segmentArticle({ content: doc.getElementById('c') }).map(({ segment }) => [segment.kind, segment.text, segment.tagged]);
}

describe('code in a post', () => {
  it('leaves out code blocks, by their code, their class or their highlighter’s wrapper', () => {
    expect(
      segmentsOf(`<p>Install it:</p><pre><code>npm install x</code></pre><pre class="language-bash">make</pre>
        <div class="highlight"><pre><span class="gp">$ </span>pip install y</pre></div><p>Done.</p>`),
    ).toEqual([
      ['paragraph', 'Install it:', undefined],
      ['paragraph', 'Done.', undefined],
    ]);
  });

  it('leaves out list items and paragraphs of code alone, and keeps inline code as a placeholder', () => {
    expect(segmentsOf('<ul><li><code>init</code></li><li><code>run</code> starts it</li></ul><p><kbd>Ctrl</kbd>+<kbd>K</kbd></p>')).toEqual([
      ['list-item', 'run starts it', '⟨1⟩run⟨/1⟩ starts it'],
    ]);
  });

  it('keeps a <pre> of words: a poem, an address', () => {
    expect(segmentsOf('<pre class="wp-block-verse">The river\nasks nothing.</pre><pre class="wp-block-preformatted">Bridge Street 4</pre>')).toEqual([
      ['paragraph', 'The river asks nothing.', undefined],
      ['paragraph', 'Bridge Street 4', undefined],
    ]);
  });

  it('leaves out blocks without a word: a callout’s emoji, a divider of stars', () => {
    expect(segmentsOf('<div class="kg-callout-emoji">📣</div><p>***</p><p>Words.</p>')).toEqual([['paragraph', 'Words.', undefined]]);
  });
});
