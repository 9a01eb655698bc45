// @vitest-environment node
// Progress in Russian, whose counted texts have more forms than English: "1 черновик",
// "2 черновика", "5 черновиков". A file of its own: utils/i18n keeps its number and plural formats
// from the first message it makes, so the UI language must be Russian from the start.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeTextFor } from '../../utils/badge';
import { progressLabel } from '../../utils/progress-label';
import { getMessageIn } from '../support/locale-messages';

const getRussianMessage = getMessageIn('ru');

beforeEach(() => {
  Object.assign(fakeBrowser.i18n, { getMessage: getRussianMessage, getUILanguage: () => 'ru' });
});

describe('progress in Russian', () => {
  it('says the drafts in the form their number takes', () => {
    expect(progressLabel({ total: 13, drafted: 0, done: 0 })).toBe('Готово: 0 из 13');
    expect(progressLabel({ total: 13, drafted: 1, done: 0 })).toBe('Готово: 0 из 13 · 1 черновик');
    expect(progressLabel({ total: 13, drafted: 9, done: 7 })).toBe('Готово: 7 из 13 · 2 черновика');
    expect(progressLabel({ total: 13, drafted: 12, done: 7 })).toBe('Готово: 7 из 13 · 5 черновиков');
    expect(progressLabel({ total: 30, drafted: 21, done: 0 })).toBe('Готово: 0 из 30 · 21 черновик');
  });

  it('writes large numbers as Russian does, on the badge without a space before the percent sign', () => {
    expect(progressLabel({ total: 1000, drafted: 0, done: 0 })).toBe('Готово: 0 из 1\u00a0000');
    expect(badgeTextFor({ total: 13, drafted: 9, done: 7 })).toBe('54%');
  });
});
