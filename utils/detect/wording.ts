// How sites word an invitation to translate the article itself, in the languages Interlinear's
// translators meet most, and the look-alike wordings that are not such an invitation. Each
// pattern reads a short text (a heading, a box, a link or button label), never running prose.
// Matching needs no word boundaries in scripts \b does not know, so patterns use lookarounds.
// Sixty-nine further languages are worded in wording-languages.ts.
import { matchLanguageInvitation } from './wording-languages';
import { STEM_TEXT } from './translation-stems';

/** "this article / post / page", as the phrase names the article it stands in. */
const ARTICLE_INVITATIONS: readonly RegExp[] = [
  // en: "Can you help us translate this article?", "Translate this post", "Help translate this page",
  // "Help us translate this article!", "Want to read this in your language? Translate it".
  /\btranslat\w*\s+(?:this|the|our)\s+(?:article|post|page|story|blog\s*post|entry|piece|text)\b/i,
  /\b(?:help|you\s+can|can\s+you|want\s+to|volunteer\s+to)\b[^.?!]{0,30}\btranslat\w*\s+(?:it|this)\b/i,
  /\bthis\s+(?:article|post|page|story)\b[^.?!]{0,40}\b(?:not\s+(?:yet\s+)?(?:been\s+)?translated|needs?\s+(?:a\s+)?translat)/i,
  /\bcontribute\s+a\s+translation\b/i,
  // es: "¿Puedes ayudarnos a traducir este artículo?", "Traduce esta entrada"
  /traduc\S*\s+(?:este|esta)\s+(?:art[ií]culo|entrada|p[aá]gina|publicaci[oó]n|post|texto|nota)/i,
  /ay[uú]da\S*\s+a\s+traducir\s+(?:este|esta)/i,
  // fr: "Pouvez-vous nous aider à traduire cet article ?", "Traduire ce billet"
  /tradui\S*\s+(?:cet|cette|ce)\s+(?:article|page|billet|texte|post|publication)/i,
  // de: "Kannst du uns helfen, diesen Artikel zu übersetzen?", "Diesen Beitrag übersetzen"
  /(?:diesen|diese|dieses)\s+(?:Artikel|Beitrag|Blogbeitrag|Seite|Text)\s+(?:zu\s+)?übersetz/i,
  /übersetz\S*\s+(?:diesen|diese|dieses)\s+(?:Artikel|Beitrag|Seite|Text)/i,
  // pt: "Você pode nos ajudar a traduzir este artigo?", "Traduza esta publicação"
  /traduz\S*\s+(?:este|esta)\s+(?:artigo|publica[cç][aã]o|post|p[aá]gina|texto|mat[eé]ria)/i,
  // pl: "Czy możesz pomóc nam przetłumaczyć ten artykuł?", "Przetłumacz ten wpis"
  /tłumacz\S*\s+(?:ten|tę|to)\s+(?:artykuł|wpis|stron[ęa]|tekst|post)/i,
  // ru: "Можете ли вы помочь нам перевести эту статью?", "Перевести эту запись"
  /перев\S*\s+(?:эту|этот|это)\s+(?:стать|запис|страниц|материал|пост|текст)/i,
  // uk: "Чи можете ви допомогти нам перекласти цю статтю?", "Перекладіть цей допис"
  /перекла\S*\s+(?:цю|цей|це)\s+(?:статт|допис|запис|сторінк|матеріал|текст)/i,
  // kk: "Бұл мақаланы аударуға көмектесе аласыз ба?", "Осы жазбаны аударыңыз"
  /(?:бұл|осы)\s+(?:мақала|жазба|бет|пост|мәтін)\S*\s+аудар/i,
  // uz: "Ushbu maqolani tarjima qilishga yordam bera olasizmi?", in Latin and Cyrillic script
  /(?:ushbu|bu)\s+(?:maqola|post|sahifa|yozuv|matn)\S*\s+tarjima/i,
  /(?:ушбу|бу)\s+(?:мақола|саҳифа|ёзув|матн)\S*\s+таржима/i,
  // fa: "آیا می‌توانید در ترجمهٔ این مقاله به ما کمک کنید؟", "این نوشته را ترجمه کنید"
  /ترجم\S*\s+(?:ی\s+)?این\s+(?:مقاله|نوشته|مطلب|صفحه|پست|یادداشت)/,
  /این\s+(?:مقاله|نوشته|مطلب|صفحه|پست|یادداشت)\s+را\s+ترجمه/,
  // ar: "هل يمكنك مساعدتنا في ترجمة هذه المقالة؟", "ترجم هذا المقال"
  /ترجم\S*\s+(?:هذه|هذا)\s+(?:المقالة|المقال|التدوينة|الصفحة|المنشور|النص|الموضوع)/,
  // he: "תוכלו לעזור לנו לתרגם את המאמר הזה?", "תרגמו את הפוסט"
  /תרגמ?\S*\s+את\s+(?:המאמר|הפוסט|הדף|הכתבה|הרשומה|העמוד)/,
];

/** The app or site interface rather than an article: translatewiki's, Crowdin's usual invitation. */
const INTERFACE_WORDS =
  /\b(?:app|apps|application|interface|UI|software|plugin|theme|extension|game|keyboard|strings|localis\w*|localiz\w*)\b|aplicaci[oó]n|interfaz|l['’]application|l['’]interface|Oberfläche|приложени|интерфейс|інтерфейс|застосун|applicazione|interfaccia|uygulama|arayüz|aplikac|rozhraní|インターフェース|アプリ|界面|应用程序|應用程式|인터페이스|앱/i;

/** Someone asking for a translation for themselves, as forum members do. */
const PERSONAL_REQUEST =
  /\b(?:any|some)\s?(?:one|body)\b|\bhelp\s+me\b|\bfor\s+me\b|\balguien\b|quelqu['’]un|\bjemand\b|кто-нибудь|хтось|\bktoś\b/i;

/** Quotation marks around the invitation: a post telling of such a sentence, not making it. */
const OPENING_QUOTE = /[“„«"‘‹「]/;
const CLOSING_QUOTE = /[”“»"’›」]/;

/** Every stem of translation-stems.ts: a text without one is no invitation, and is let go at once. */
export const TRANSLATION_STEMS = new RegExp(STEM_TEXT, 'i');

/**
 * The stem each invitation pattern above cannot match without, lower case. A text is tried only
 * against the patterns of the stems it has: a regex is compiled on its first use, and the content
 * script's first look on a page in one language then compiles a few, not all.
 */
const PATTERN_STEMS = ['translat', 'traduc', 'tradui', 'traduz', 'übersetz', 'tłumacz', 'перев', 'перекла', 'аудар', 'tarjima', 'таржима', 'ترجم', 'תרג'];
const STEMS_IN_TEXT = new RegExp(PATTERN_STEMS.join('|'), 'gi');
/** Each pattern with its stem ('' if it had none: then always tried). */
const INVITATIONS_BY_STEM = ARTICLE_INVITATIONS.map(
  (pattern) => [PATTERN_STEMS.find((stem) => pattern.source.toLowerCase().includes(stem)) ?? '', pattern] as const,
);

/** Whether a text names an app, interface or software: a platform link beside it is for that. */
export function speaksOfInterface(text: string): boolean {
  return INTERFACE_WORDS.test(text);
}

export type WordingVerdict = 'invitation' | 'interface' | 'personal' | 'quoted' | null;

/**
 * What a short text says about translating: an invitation to translate the article it stands in,
 * a look-alike (an interface, a personal request, a quoted sentence), or nothing (null).
 */
export function readWording(text: string): WordingVerdict {
  if (!TRANSLATION_STEMS.test(text)) return null;
  const stems = new Set(text.match(STEMS_IN_TEXT)?.map((stem) => stem.toLowerCase()));
  for (const [stem, pattern] of INVITATIONS_BY_STEM) {
    if (stem !== '' && !stems.has(stem)) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    if (PERSONAL_REQUEST.test(text)) return 'personal';
    if (OPENING_QUOTE.test(text.slice(0, match.index)) && CLOSING_QUOTE.test(text.slice(match.index))) return 'quoted';
    return 'invitation';
  }
  const match = matchLanguageInvitation(text);
  if (match) {
    if (INTERFACE_WORDS.test(text)) return 'interface';
    if (OPENING_QUOTE.test(text.slice(0, match.index)) && CLOSING_QUOTE.test(text.slice(match.index))) return 'quoted';
    return 'invitation';
  }
  if (INTERFACE_WORDS.test(text) && /transl|tradu|übersetz|перев|перекла/i.test(text)) return 'interface';
  return null;
}
