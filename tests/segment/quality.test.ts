// The quality line's checks: placeholders and numbers of a draft against its source.
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../utils/segment/quality';
import { numbersIn } from '../../utils/segment/numbers';
import type { Segment } from '../../utils/model';

/** The Diff post's "previous blog" paragraph. */
const LINKED: Pick<Segment, 'text' | 'tagged' | 'inline'> = {
  text: 'You can read more about the Central Asia communities in the previous blog.',
  tagged: 'You can read more about the Central Asia communities in the ⟨1⟩previous blog⟨/1⟩.',
  inline: [{ tag: 'a', attrs: { href: 'https://diff.wikimedia.org/2024/08/20/wikimedians-of-central-asia/' } }],
};
/** Bold around a link, then an image, then a footnote link. */
const NESTED: Pick<Segment, 'text' | 'tagged' | 'inline'> = {
  text: 'User: Batyrbek: joined in 2019. see1',
  tagged: '⟨1⟩⟨2⟩User: Batyrbek⟨/2⟩:⟨/1⟩ joined in 2019. ⟨3/⟩see⟨4⟩1⟨/4⟩',
  inline: [{ tag: 'strong' }, { tag: 'a', attrs: { href: 'https://meta.wikimedia.org/wiki/User:Batyrbek' } }, { tag: 'img', empty: true, attrs: { src: 'https://x.org/a.png', alt: '' } }, { tag: 'a', attrs: { href: '#fn1' } }],
};

const kinds = (source: typeof LINKED, draft: string) => checkDraft(source, draft).map((issue) => issue.kind);

describe('placeholder checks', () => {
  it('finds nothing wrong with a faithful draft, or an empty one', () => {
    expect(checkDraft(LINKED, 'Больше о сообществах Центральной Азии — в ⟨1⟩предыдущем блоге⟨/1⟩.')).toEqual([]);
    expect(checkDraft(NESTED, '⟨1⟩⟨2⟩Участник: Batyrbek⟨/2⟩:⟨/1⟩ с 2019 года. ⟨3/⟩см.⟨4⟩1⟨/4⟩')).toEqual([]);
    expect(checkDraft(LINKED, '   ')).toEqual([]);
  });

  it('says which placeholder is missing', () => {
    const [issue, ...rest] = checkDraft(LINKED, 'Больше о сообществах в предыдущем блоге.');
    expect(rest).toEqual([]);
    expect(issue).toEqual({ kind: 'missing-placeholder', placeholder: 1, message: '⟨1⟩…⟨/1⟩ is missing.' });
    expect(checkDraft(NESTED, '⟨1⟩⟨2⟩U⟨/2⟩:⟨/1⟩ 2019. см.⟨4⟩1⟨/4⟩')).toEqual([
      { kind: 'missing-placeholder', placeholder: 3, message: '⟨3/⟩ is missing.' },
    ]);
  });

  it('flags unknown, mis-shaped and repeated placeholders', () => {
    expect(checkDraft(LINKED, '⟨1⟩блог⟨/1⟩ ⟨2⟩x⟨/2⟩')[0]).toMatchObject({ kind: 'unknown-placeholder', placeholder: 2, message: '⟨2⟩ is not in the source: remove it.' });
    expect(kinds(LINKED, '⟨1/⟩ блог')).toEqual(['unknown-placeholder']);
    expect(kinds(NESTED, '⟨1⟩⟨2⟩U⟨/2⟩:⟨/1⟩ 2019 ⟨3⟩x⟨/3⟩ ⟨4⟩1⟨/4⟩')).toEqual(['unknown-placeholder']);
    expect(kinds(LINKED, '⟨1⟩блог⟨/1⟩ и ⟨1⟩ещё⟨/1⟩')).toEqual(['repeated-placeholder']);
    expect(kinds(NESTED, '⟨1⟩⟨2⟩U⟨/2⟩:⟨/1⟩ 2019 ⟨3/⟩⟨3/⟩⟨4⟩1⟨/4⟩')).toEqual(['repeated-placeholder']);
    expect(kinds({ text: 'Plain.' }, 'Просто ⟨1⟩.')).toEqual(['unknown-placeholder']);
  });

  it('flags unbalanced pairs: unclosed, unopened, closed before opened, overlapping', () => {
    expect(checkDraft(LINKED, 'в ⟨1⟩блоге.')[0]!.message).toBe('⟨1⟩ is never closed: add ⟨/1⟩.');
    expect(checkDraft(LINKED, 'в блоге⟨/1⟩.')[0]!.message).toBe('⟨/1⟩ has no ⟨1⟩ before it.');
    expect(checkDraft(LINKED, 'в ⟨/1⟩блоге⟨1⟩.')[0]!.message).toBe('⟨/1⟩ comes before ⟨1⟩.');
    expect(kinds(NESTED, '⟨1⟩⟨2⟩U⟨/1⟩:⟨/2⟩ 2019 ⟨3/⟩⟨4⟩1⟨/4⟩')).toEqual(['unbalanced-placeholder']);
  });

  it('warns when placeholders leave their parent or change order', () => {
    expect(checkDraft(NESTED, '⟨1⟩U:⟨/1⟩ ⟨2⟩Batyrbek⟨/2⟩ 2019 ⟨3/⟩⟨4⟩1⟨/4⟩')[0]).toMatchObject({
      kind: 'placeholder-order',
      message: 'Placeholder 2 belongs inside ⟨1⟩…⟨/1⟩, as in the source.',
    });
    expect(checkDraft(NESTED, '⟨3/⟩ ⟨1⟩⟨2⟩U⟨/2⟩:⟨/1⟩ 2019 ⟨4⟩1⟨/4⟩')[0]).toMatchObject({
      kind: 'placeholder-order',
      message: 'Placeholder 1 comes before 3, unlike the source; fine if the sentence needs it.',
    });
  });
});

describe('number checks', () => {
  const plain = (text: string) => ({ text });

  it('reads the same number in any grouping and in Arabic-Indic and Persian digits', () => {
    const values = (text: string) => numbersIn(text).map((n) => n.value);
    expect(values('1,000 · 1 000 · 1.000 · ۱۰۰۰ · ١٬٠٠٠ · 1\u202f000 · 1’000')).toEqual(Array(7).fill('1000'));
    expect(values('3.5 and 3,5 and ۳٫۵ and 3.50')).toEqual(['3.5', '3.5', '3.5', '3.5']);
    expect(values('1,234,567.89 or 1.234.567,89')).toEqual(['1234567.89', '1234567.89']);
    expect(values('In 2024 100 people met on 5.9.2024')).toEqual(['2024', '100', '5.9', '2024']);
    expect(numbersIn('about ۱۲۰۰ edits')).toEqual([{ written: '۱۲۰۰', value: '1200' }]);
  });

  it('accepts a draft with the same numbers written differently', () => {
    expect(checkDraft(plain('1,200 edits in 2024.'), 'در سال ۲۰۲۴، ۱٬۲۰۰ ویرایش.')).toEqual([]);
    expect(checkDraft(plain('It costs 1,000 som.'), 'Это стоит 1 000 сом.')).toEqual([]);
  });

  it('says which numbers are missing and which were added', () => {
    expect(checkDraft(plain('After 7 years, in 2017 and 2019.'), 'Через 7 лет, в 2018 году.')).toEqual([
      { kind: 'number-missing', message: '2017 and 2019 are in the source but not in the draft.' },
      { kind: 'number-added', message: '2018 is in the draft but not in the source.' },
    ]);
  });

  it('does not read placeholder numbers as numbers', () => {
    expect(checkDraft(LINKED, 'См. ⟨1⟩блог⟨/1⟩.')).toEqual([]);
  });
});
