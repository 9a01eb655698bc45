// @vitest-environment node
// The quality line in Persian: placeholder tokens and numbers keep their left-to-right order inside
// a right-to-left sentence (Unicode isolates), so "⟨1⟩…⟨/1⟩" is not shown mirrored as "⟩1⟨…⟩1/⟨".
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Segment } from '../../utils/model';
import { checkDraft } from '../../utils/segment/quality';
import { getMessageIn } from '../support/locale-messages';

const LINKED: Pick<Segment, 'text' | 'tagged' | 'inline'> = {
  text: 'You can read more in the previous blog, from 2024.',
  tagged: 'You can read more in the ⟨1⟩previous blog⟨/1⟩, from 2024.',
  inline: [{ tag: 'a', attrs: { href: 'https://diff.wikimedia.org/2024/08/20/wikimedians-of-central-asia/' } }],
};

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, { getMessage: getMessageIn('fa'), getUILanguage: () => 'fa' });
});

describe('quality line in Persian', () => {
  it('isolates the placeholder pair and the number it names', () => {
    const messages = checkDraft(LINKED, 'در وبلاگ پیشین بیشتر بخوانید.').map((issue) => issue.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('\u2068⟨1⟩…⟨/1⟩\u2069');
    expect(messages[1]).toMatch(/\u2068[^\u2069]*2024[^\u2069]*\u2069/);
  });

  it('isolates a placeholder written twice, but not the count', () => {
    const [issue] = checkDraft(
      { text: 'See the chart.', tagged: 'See ⟨1/⟩ the chart.', inline: [{ tag: 'img', empty: true, attrs: { src: 'https://x.org/a.png', alt: '' } }] },
      '⟨1/⟩ ⟨1/⟩ نمودار را ببینید.',
    );
    expect(issue?.message).toContain('\u2068⟨1/⟩\u2069');
    expect(issue?.message).not.toMatch(/\u2068[۰-۹0-9]+\u2069/);
  });
});
