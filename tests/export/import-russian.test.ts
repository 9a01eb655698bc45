// @vitest-environment happy-dom
// Export and import in Russian: errors, counted texts and the review page's own labels follow the
// UI language, with Russian plural forms, while the exported texts keep their own languages.
// A file of its own: utils/i18n keeps its number formats from the first message it makes.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportPost, exportScope } from '../../utils/export/formats';
import { planFromFile } from '../../utils/export/import-file';
import { MAX_IMPORT_BYTES, validatePlan } from '../../utils/export/import-plan';
import { draftOf, SAMPLE_DRAFTS, SAMPLE_POST } from '../support/export-posts';
import { getMessageIn } from '../support/locale-messages';

const getRussianMessage = getMessageIn('ru');

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, { getMessage: getRussianMessage, getUILanguage: () => 'ru' });
});

const failure = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('did not fail');
};

describe('export and import in Russian', () => {
  it('counts languages and problems with the right plural form', () => {
    const source = { posts: [SAMPLE_POST], drafts: [...SAMPLE_DRAFTS, draftOf(SAMPLE_POST, 'outro', 'Merci.', 'draft', 'fr')] };
    expect(failure(() => exportScope('xliff2', source, 'all'))).toContain('эти черновики на 2 языках (fr, ru)');
    const units = (n: number) => Array.from({ length: n }, (_, i) => ({ segmentId: `p-${i}`, text: 7 }));
    const plan = (n: number) => ({ format: 'backup', targets: [{ postKey: 'https://x.example/', lang: 'ru', units: units(n) }] });
    expect(failure(() => validatePlan(plan(4)))).toMatch(/^Данные импорта некорректны: .*\(и ещё 1 проблема\)\.$/);
    expect(failure(() => validatePlan(plan(5)))).toMatch(/\(и ещё 2 проблемы\)\.$/);
    expect(failure(() => validatePlan(plan(8)))).toMatch(/\(и ещё 5 проблем\)\.$/);
  });

  it('names sizes in the UI language', async () => {
    const huge = { name: 'huge.json', size: MAX_IMPORT_BYTES * 2 + 1, text: async () => '{}' };
    await expect(planFromFile(huge)).rejects.toThrow('Этот файл (41 МБ) больше 20 МБ — предела для импорта в Interlinear.');
  });

  it('labels the review page in the UI language, leaving the texts in theirs', () => {
    const page = exportPost('review', SAMPLE_POST, 'ru', SAMPLE_DRAFTS).content;
    expect(page).toContain('<html lang="ru" dir="ltr">');
    expect(page).toContain('<title>Проверка: ');
    expect(page).toContain('<th class="kind">Тип</th><th>Оригинал (en)</th><th>Перевод (ru)</th>');
    expect(page).toContain('<td class="kind">абзац</td>');
    expect(page).toContain('· en → ru · переведено абзацев: 8 из 13</p>');
    expect(page).toContain('<span class="state">не переведено: показан оригинал</span>');
  });
});
