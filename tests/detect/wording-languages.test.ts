// Invitations in the further languages (wording-languages.ts), in translators' own wording of
// "Translate this page" and of "help us translate this article"; the look-alikes that only say a
// page *was* translated; and the first look's stems, which must let every invitation through.
import { describe, expect, it } from 'vitest';
import { TRANSLATION_STEMS, readWording } from '../../utils/detect/wording';
import { LANGUAGE_WORDING } from '../../utils/detect/wording-languages';
import { STEMS, stemsIn } from '../../utils/detect/translation-stems';

const INVITATIONS: Record<string, string[]> = {
  it: ['Traduci questa pagina', 'Aiutaci a tradurre questo articolo!'],
  nl: ['Deze pagina vertalen', 'Help ons dit artikel te vertalen'],
  sv: ['Översätt den här sidan', 'Hjälp oss att översätta den här artikeln'],
  da: ['Oversæt denne side'],
  nb: ['Oversett denne siden'],
  fi: ['Käännä tämä sivu', 'Auta meitä kääntämään tämä artikkeli'],
  et: ['Tõlgi see leht'],
  lv: ['Tulkot šo lapu'],
  lt: ['Versti šį puslapį'],
  cs: ['Přeložit tuto stránku', 'Pomozte nám přeložit tento článek'],
  sk: ['Preložiť túto stránku'],
  sl: ['Prevedite to stran'],
  hr: ['Prevedi ovu stranicu'],
  sr: ['Преведите ову страницу'],
  hu: ['Segíts lefordítani ezt a cikket!'],
  ro: ['Tradu această pagină', 'Ne ajuți să traducem acest articol?'],
  bg: ['Превеждане на тази страница'],
  mk: ['Преведете ја страницава'],
  el: ['Μεταφράστε αυτήν τη σελίδα', 'Βοηθήστε μας να μεταφράσουμε αυτό το άρθρο'],
  tr: ['Bu sayfayı çevir', 'Bu makaleyi çevirmeye yardım edin'],
  az: ['Bu səhifəni tərcümə et'],
  ka: ['ამ გვერდის თარგმნა'],
  hy: ['Թարգմանեք այս էջը'],
  hi: ['इस पृष्ठ को अनुवादित करें', 'इस लेख का अनुवाद करने में हमारी मदद करें'],
  bn: ['এই পাতাটি অনুবাদ করুন'],
  ur: ['اس صفحہ کا ترجمہ کریں'],
  ta: ['இப்பக்கத்தை மொழிபெயர்'],
  te: ['ఈ పేజీని అనువదించండి'],
  ml: ['ഈ താൾ പരിഭാഷപ്പെടുത്തുക'],
  kn: ['ಈ ಪುಟವನ್ನು ಭಾಷಾಂತರಿಸಿ'],
  mr: ['या पानाचे भाषांतर करा'],
  gu: ['આ પાનાનું ભાષાંતર કરો'],
  pa: ['ਇਸ ਵਰਕੇ ਦਾ ਉਲਥਾ ਕਰੋ'],
  ne: ['यो पृष्ठ अनुवाद गर्नुहोस्'],
  si: ['මෙම පිටුව පරිවර්තනය කරන්න'],
  th: ['แปลหน้านี้', 'ช่วยเราแปลบทความนี้'],
  km: ['បកប្រែទំព័រនេះ'],
  my: ['ဤစာမျက်နှာကို ဘာသာပြန်ပါ'],
  vi: ['Dịch trang này', 'Hãy giúp chúng tôi dịch bài viết này'],
  id: ['Terjemahkan halaman ini', 'Bantu kami menerjemahkan artikel ini'],
  ms: ['Terjemahkan laman ini'],
  tl: ['Isalinwika ang pahinang ito'],
  jv: ['Pertal kaca iki'],
  sw: ['Tafsiri ukurasa huu'],
  ja: ['このページを翻訳', 'この記事の翻訳にご協力ください'],
  ko: ['이 문서 번역하기', '이 문서 번역을 도와주세요'],
  zh: ['翻译本页', '翻譯此頁面', '帮助我们翻译这篇文章'],
  ca: ['Traduïu aquesta pàgina'],
  gl: ['Traducir esta páxina'],
  eu: ['Itzuli orri hau'],
  cy: ['Cyfieithu’r dudalen hon'],
  is: ['Þýða þessa síðu'],
  be: ['Перакласці гэту старонку'],
  ky: ['Бул баракты которуу'],
  tt: ['Бу битне тәрҗемә итү'],
  ba: ['Был битте тәржемә итергә'],
  ps: ['همدا مخ ژباړل'],
  ckb: ['ئەم پەڕەیە وەربگێڕە'],
  ku: ['Vê rûpelê wergerîne'],
  eo: ['Traduki ĉi tiun paĝon'],
  af: ['Vertaal die bladsy'],
  lb: ['Dës Säit iwwersetzen'],
  mt: ['Ittraduċi din il-paġna'],
  br: ['Treiñ ar bajenn-mañ'],
  sq: ['Përkthe këtë faqe'],
  mn: ['Энэ хуудсыг орчуулна уу'],
  tg: ['Ин саҳифаро тарҷума кунед'],
  ig: ['Tugharia ihuakwụkwọ a'],
  so: ['Turjun boggan'],
};

/** Pages that were translated: told of, never an invitation. */
const TRANSLATED: [lang: string, text: string][] = [
  ['it', 'Questa pagina è stata tradotta da volontari.'],
  ['nl', 'Deze pagina is vertaald door vrijwilligers.'],
  ['sv', 'Den här artikeln har översatts av frivilliga.'],
  ['af', 'Hierdie artikel is vertaal deur vrywilligers.'],
  ['tr', 'Bu yazı İngilizceden çevrilmiştir.'],
  ['ja', 'この記事は英語から翻訳されました。'],
  ['ko', '이 글은 영어에서 번역된 글입니다.'],
  ['zh', '本文翻译自英文。'],
  ['vi', 'Bài viết này được dịch bởi tình nguyện viên.'],
  ['id', 'Artikel ini diterjemahkan oleh relawan.'],
  ['ro', 'Acest articol a fost tradus din engleză.'],
  ['cs', 'Tento článek byl přeložen z angličtiny.'],
];

describe('wording in further languages', () => {
  it('covers at least 60 languages with the thirteen of wording.ts', () => {
    expect(LANGUAGE_WORDING.length + 13).toBeGreaterThanOrEqual(60);
    expect(Object.keys(INVITATIONS).sort()).toEqual(LANGUAGE_WORDING.map(([lang]) => lang).sort());
  });

  const cases = Object.entries(INVITATIONS).flatMap(([lang, texts]) => texts.map((text) => [lang, text] as const));

  it.each(cases)('reads an invitation in %s: %s', (_lang, text) => {
    expect(readWording(text)).toBe('invitation');
  });

  it.each(TRANSLATED)('reads no invitation where a page was translated (%s): %s', (_lang, text) => {
    expect(readWording(text)).toBeNull();
  });

  it.each(cases)('lets the first look see the stem of %s: %s', (_lang, text) => {
    expect(stemsIn(text.toLowerCase())).not.toEqual([]);
    expect(TRANSLATION_STEMS.test(text)).toBe(true);
  });

  it('keeps its stems in lower case and without quote marks, for the first look’s plain and XPath searches', () => {
    expect(STEMS.filter((stem) => stem !== stem.toLowerCase() || /['"]/.test(stem))).toEqual([]);
  });

  it('names an app in another language as an interface, not this article', () => {
    expect(readWording('Aiutaci a tradurre l’applicazione')).toBe('interface');
  });
});
