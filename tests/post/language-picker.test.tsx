// The target-language picker: the page's own languages first, then recent ones, then every other,
// and any BCP-47 tag typed in (a malformed one is refused with a message).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanguagePicker } from '../../components/post/LanguagePicker';
import { knownLanguageName } from '../../utils/languages';

let root: HTMLElement;
let chosen: string[];

beforeEach(() => {
  chosen = [];
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const select = () => root.querySelector<HTMLSelectElement>('[data-testid=target-language]')!;
const groups = () =>
  [...select().querySelectorAll('optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)] as const);

function show(props: Partial<Parameters<typeof LanguagePicker>[0]> = {}) {
  render(
    <LanguagePicker
      value=""
      offered={[
        { code: 'ru', name: 'Русский' },
        { code: 'pt-br', name: 'Português do Brasil' },
      ]}
      recent={['kk', 'ru', 'uk']}
      sourceLanguage="en"
      onChange={(lang) => chosen.push(lang)}
      {...props}
    />,
    root,
  );
}

async function choose(value: string) {
  await act(() => {
    select().value = value;
    select().dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function typeTag(text: string) {
  const input = root.querySelector<HTMLInputElement>('.language-other input')!;
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the language picker', () => {
  it('offers the page’s own languages first, then recent ones, then all others', () => {
    show();
    const [wanted, yours, all] = groups();
    expect(wanted).toEqual(['Wanted by this site', ['ru', 'pt-BR']]);
    expect(yours![0]).toBe('Your languages');
    expect(yours![1].slice(0, 2)).toEqual(['kk', 'uk']); // ru is already offered; en is the source
    expect(yours![1]).not.toContain('en');
    expect(all![0]).toBe('All languages');
    expect(all![1]).not.toContain('ru');
    expect(all![1]).toContain('fa');
    const names = [...select().options].map((o) => o.textContent);
    expect(names).toContain('Русский — Russian');
    expect(names).toContain('Português do Brasil — Brazilian Portuguese');
    expect(names.at(-1)).toBe('Another language (any BCP 47 tag)…');
  });

  it('shows a chosen language that is in no list, and names it', () => {
    show({ value: 'tt-Cyrl' });
    expect(select().value).toBe('tt-Cyrl');
    expect(select().selectedOptions[0]!.textContent).toMatch(/Tatar/);
  });

  it('takes any BCP-47 tag, in its canonical form', async () => {
    show();
    await choose('__other__');
    await typeTag('SR-latn');
    const use = root.querySelector<HTMLButtonElement>('button[type=submit]')!;
    expect(use.disabled).toBe(false);
    expect(use.textContent).toBe('Use Serbian (Latin)');
    expect(root.querySelector('[data-testid=language-tag-message]')).toBeNull();
    await act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(chosen).toEqual(['sr-Latn']);
    expect(select()).not.toBeNull(); // back to the list
  });

  it('refuses a malformed tag with a message, and warns about an unknown one', async () => {
    show();
    await choose('__other__');
    await typeTag('Portuguese (Brazil)');
    const message = () => root.querySelector('[data-testid=language-tag-message]');
    expect(message()?.textContent).toBe('“Portuguese (Brazil)” is not a language tag. Tags look like pt-BR, kk or zh-Hant.');
    expect(root.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(true);
    await act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(chosen).toEqual([]);
    expect(root.querySelector('input')!.value).toBe('Portuguese (Brazil)'); // nothing typed is lost

    await typeTag('xx');
    expect(message()?.textContent).toBe('This browser knows no language “xx”: check the tag before drafting in it.');
    expect(root.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled).toBe(false);
  });

  it('cancels typing with Escape', async () => {
    show();
    await choose('__other__');
    await act(() => void root.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(select()).not.toBeNull();
    expect(chosen).toEqual([]);
  });

  it('knows which tags name a language', () => {
    expect(knownLanguageName('kk', 'en')).toBe('Kazakh');
    expect(knownLanguageName('xx', 'en')).toBeNull();
  });
});
