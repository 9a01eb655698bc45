// Invitations to translate the article, as sites word them in each language, and the look-alikes.
import { describe, expect, it } from 'vitest';
import { readWording } from '../../utils/detect/wording';
import { assessCallToAction, confidenceOf } from '../../utils/detect/call-to-action';
import { detectPage } from '../../utils/detect';
import { guessLanguage, withSourceLanguage } from '../../utils/detect/guess-language';
import { openPage } from '../support/pages';

const INVITATIONS: [lang: string, text: string][] = [
  ['en', 'Can you help us translate this article?'],
  ['en', 'Help us translate this page!'],
  ['en', 'Translate this post'],
  ['es', '¿Puedes ayudarnos a traducir este artículo?'],
  ['es', 'Traducir esta entrada'],
  ['fr', 'Pouvez-vous nous aider à traduire cet article ?'],
  ['de', 'Kannst du uns helfen, diesen Artikel zu übersetzen?'],
  ['de', 'Diesen Beitrag übersetzen'],
  ['pt', 'Você pode nos ajudar a traduzir este artigo?'],
  ['pl', 'Czy możesz pomóc nam przetłumaczyć ten artykuł?'],
  ['ru', 'Можете ли вы помочь нам перевести эту статью?'],
  ['uk', 'Чи можете ви допомогти нам перекласти цю статтю?'],
  ['kk', 'Бұл мақаланы аударуға көмектесе аласыз ба?'],
  ['uz', 'Ushbu maqolani tarjima qilishga yordam bera olasizmi?'],
  ['uz', 'Ушбу мақолани таржима қилишга ёрдам бера оласизми?'],
  ['fa', 'آیا می‌توانید در ترجمهٔ این مقاله به ما کمک کنید؟'],
  ['ar', 'هل يمكنك مساعدتنا في ترجمة هذه المقالة؟'],
  ['he', 'תוכלו לעזור לנו לתרגם את המאמר הזה?'],
];

describe('readWording', () => {
  it.each(INVITATIONS)('reads an invitation in %s: %s', (_lang, text) => {
    expect(readWording(text)).toBe('invitation');
  });

  it('tells the look-alikes apart', () => {
    expect(readWording('Help translate the app into your language on translatewiki.net')).toBe('interface');
    expect(readWording('Помогите перевести интерфейс приложения')).toBe('interface');
    expect(readWording('Could anyone help me translate this article into Spanish?')).toBe('personal');
    expect(readWording('She wrote “Can you help us translate this article?” at the end.')).toBe('quoted');
    expect(readWording('Our translators met in Lisbon.')).toBeNull();
    expect(readWording('A post about gardens.')).toBeNull();
  });
});

describe('assessCallToAction', () => {
  const url = 'https://blog.example.org/2025/01/01/post/';
  const assess = (body: string) => assessCallToAction(openPage(`<!doctype html><html><body>${body}</body></html>`, url), url);

  it('gives no evidence and no confidence on a page that never speaks of translating', () => {
    expect(assess('<article><div class="entry-content"><p>Hello.</p></div></article>')).toEqual({
      cta: null,
      confidence: 0,
      evidence: [],
      boxes: [],
    });
  });

  it('weighs a worded box and its platform link into a confidence with reasons', () => {
    const result = assess(`<article><div class="entry-content"><p>Body text of the post.</p>
      <aside class="translate-box"><h3>Help us translate this article!</h3><a href="https://crowdin.com/project/x">Crowdin</a></aside></div></article>`);
    expect(result.cta).toEqual({ startUrl: 'https://crowdin.com/project/x', targetLanguages: [] });
    expect(result.confidence).toBeGreaterThan(0.9);
    expect(result.evidence.join('\n')).toMatch(/Crowdin/);
    expect(result.evidence.join('\n')).toMatch(/Help us translate this article!/);
  });

  it('takes the languages of a language bar inside the call to action', () => {
    const result = assess(`<div class="translate-notice"><p>Translate this post into:</p>
      <a hreflang="es" href="/es/new">Español</a> <a hreflang="kk" href="/kk/new">Қазақша</a></div>`);
    expect(result.cta?.targetLanguages).toEqual([
      { code: 'es', name: 'Español' },
      { code: 'kk', name: 'Қазақша' },
    ]);
  });

  it('finds a platform link alone too weak, and a link in running text no invitation', () => {
    expect(assess('<p>We use <a href="https://hosted.weblate.org/x">Weblate</a>.</p>').cta).toBeNull();
    const running = assess(`<article><div class="entry-content"><p>Last year we started to ask readers, at the end of each post, whether they
      would <a href="/x">translate this post</a> into their language, and many did so within a week.</p><p>More text.</p></div></article>`);
    expect(running.cta).toBeNull();
    expect(running.evidence).toEqual(['an invitation mentioned inside running text (ignored)']);
  });

  it('maps evidence to a confidence that grows with it', () => {
    expect(confidenceOf(0)).toBeLessThan(0.1);
    expect(confidenceOf(2.5)).toBeGreaterThan(0.8);
    expect(confidenceOf(5)).toBeGreaterThan(confidenceOf(2.5));
  });
});

describe('the source language', () => {
  it('is guessed from the text only when the page does not say it', async () => {
    const url = 'https://blog.example.org/post/';
    const page = `<!doctype html><html><body><article><h1 class="entry-title">Une journée à la bibliothèque</h1><div class="entry-content">
      <p>Nous avons passé la journée à la bibliothèque municipale pour photographier les collections anciennes.</p>
      <p>Les bénévoles ont numérisé plus de deux cents documents, dont des cartes et des lettres du siècle dernier.</p>
      <h2>Pouvez-vous nous aider à traduire cet article ?</h2></div></article></body></html>`;
    const detection = detectPage(openPage(page, url), url);
    expect(detection.detected).toBe(true);
    expect(detection.sourceLanguage).toBeNull();
    expect((await withSourceLanguage(detection)).sourceLanguage).toBe('fr');
    const said = { ...detection, sourceLanguage: 'en' };
    expect(await withSourceLanguage(said)).toBe(said);
  });

  it('is not guessed from too little text', async () => {
    expect(await guessLanguage('Hi.')).toBeNull();
  });
});
