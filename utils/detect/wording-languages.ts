// "Translate this article / page / post" and "help (us) translate", in the languages with the most
// Wikimedia and web content beyond the thirteen worded in wording.ts. Each entry gives, as regex
// sources: the verb as an invitation uses it (imperative, infinitive, "you can translate"; never the
// participle of "was translated" nor the noun of "a translation of this page is available"), the
// article it names ("this page", "this article", "this post"), and the word for help. Checked
// against translators' own wording of "Translate this page" (MediaWiki's Translate extension) and
// "Translate" in WordPress and Polylang; word order is free, as in SOV languages.

/**
 * [BCP 47 tag, the verb's stems (plain text, | between), verb, "this article", help]. A text is
 * tried against a language's pattern only when it holds one of its stems, lower case: a pattern is
 * compiled on its first use, and a page in one language then compiles one or two, not all.
 */
export const LANGUAGE_WORDING: readonly (readonly [string, string, string, string, string])[] = [
  ['it', 'tradu', 'tradu(?:ci|rre|rl[aoi]|cete|ciamo|ca)(?![a-zà-ù])', 'quest[oa]\\s+(?:articolo|pagina|post|testo|voce|notizia)', 'aiut'],
  ['nl', 'verta', 'vertalen|vertaal(?![a-z])', '(?:deze|dit)\\s+(?:pagina|artikel|bericht|blogpost|blog|tekst)', 'help'],
  ['sv', 'översätt', 'översätta|översätt(?![a-zåäö])', '(?:den\\s+här|denna|detta|det\\s+här)\\s+(?:sidan|sida|artikeln|artikel|inlägget|inlägg|texten)', 'hjälp'],
  ['da', 'oversæt', 'oversætte|oversæt(?![a-zæøå])', '(?:denne|dette|den\\s+her|det\\s+her)\\s+(?:side|siden|artikel|indlæg|tekst)', 'hjælp'],
  ['nb', 'oversett', 'oversette|oversett(?![a-zæøå])', '(?:denne|dette)\\s+(?:siden|side|artikkelen|artikkel|innlegget|innlegg|teksten)', 'hjelp'],
  ['fi', 'kään', 'käännä|kääntää|kääntäkää|kääntämään', '(?:tämä|tämän|tätä)\\s+(?:sivu|sivun|artikkeli|artikkelin|kirjoitus|kirjoituksen|teksti|tekstin)', 'auta'],
  ['et', 'tõl', 'tõlgi|tõlkida|tõlkige|tõlkima', '(?:see|seda|selle)\\s+(?:leht|lehte|lehe|artikkel|artiklit|artikli|postitus|postitust)', 'aita'],
  ['lv', 'tulko', 'tulkot(?!s)|tulkojiet|iztulkot', '(?:šo|šī|šis)\\s+(?:lapu|lapa|rakstu|raksts|ierakstu)', 'palīdz'],
  ['lt', 'vers', 'išversti|išverskite|versti(?![a-ząčęėįšųūž])', '(?:šį|šis|šio|šią|ši)\\s+(?:puslapį|puslapis|straipsnį|straipsnis|įrašą|įrašas)', 'padė'],
  ['cs', 'přelo', 'přeložit|přeložte|přelož(?![a-zěščřžýáíéůú])', '(?:tuto|tento|toto)\\s+(?:stránku|článek|příspěvek|text)', 'pom'],
  ['sk', 'prelo', 'preložiť|preložte|prelož(?![a-zäčďľňôŕšťžýáíéú])', '(?:túto|tento|toto)\\s+(?:stránku|článok|príspevok|text)', 'pom'],
  ['sl', 'preve', 'prevedi(?:te)?(?![a-zčšž])|prevesti', '(?:to|ta)\\s+(?:stran|članek|prispevek|besedilo|objavo)', 'pomag'],
  ['hr', 'preve', 'prevedi(?:te)?(?![a-zčćđšž])|prevesti', '(?:ovu|ovaj|ovo)\\s+(?:stranicu|članak|objavu|tekst)', 'pomo'],
  ['sr', 'преве', 'преведи(?:те)?(?![а-яђјљњћџ])|превести', '(?:ову|овај|ово)\\s+(?:страницу|чланак|објаву|текст)', 'помо'],
  ['hu', 'fordít', '(?:le)?fordít(?:s|sd|sa|sák|sátok|suk|ani)(?![a-záéíóöőúüű])', '(?:ezt\\s+a|ez\\s+a)\\s+(?:cikket|cikk|oldalt|lapot|bejegyzést|szöveget)', 'segít'],
  ['ro', 'tradu', 'tradu(?:ce|cem|ceți|ceti|ci)?(?![a-zăâîșşțţ])|a\\s+traduce', '(?:această|aceasta|acest|acesta)\\s+(?:pagină|pagina|articol|postare|text)', 'ajut'],
  ['bg', 'преве', 'преведете|преведи(?![а-я])|превеждане', '(?:тази|този|това)\\s+(?:страница|статия|публикация|текст)', 'помогн|помощ'],
  ['mk', 'преве', 'преведете|преведи(?![а-ш])|преведување', '(?:оваа|овој|ова)\\s+(?:страница|статија|објава|текст)|страницава|статијава', 'помогн'],
  ['el', 'μετάφρ|μεταφρ', 'μεταφράστε|μετάφρασε|να\\s+μεταφράσ', '(?:αυτήν?\\s+τη|αυτό\\s+το|αυτό|αυτή)\\s*(?:σελίδα|άρθρο|ανάρτηση|κείμενο)', 'βοηθ'],
  ['tr', 'çevir', 'çevir(?:in|iniz|meye|mek|memize)?(?![a-zçğıöşü])', 'bu\\s+(?:sayfayı|sayfa|makaleyi|makale|yazıyı|yazı|gönderiyi|metni)', 'yardım'],
  ['az', 'tərcümə', 'tərcümə\\s+(?:et|edin|etmək|etməyə)(?![a-zəğıöşüç])', 'bu\\s+(?:səhifəni|səhifə|məqaləni|məqalə|yazını|yazı)', 'kömək'],
  ['ka', 'თარგმნ', '(?<![ა-ჰ])თარგმნ(?:ა|ეთ|ე)', 'ამ\\s+(?:გვერდის|გვერდს|სტატიის|სტატიას|პოსტს|ტექსტს)', 'დაგვეხმარ'],
  ['hy', 'թարգման', 'թարգմանե(?:ք|լ)|թարգմանիր', 'այս\\s+(?:էջը|էջ|հոդվածը|հոդված|գրառումը)', 'օգն'],
  ['hi', 'अनुवाद', 'अनुवाद(?:ित)?\\s+(?:करें|करने|कीजिए|करो)', '(?:इस|यह)\\s+(?:पृष्ठ|पेज|लेख|पोस्ट|आलेख)', 'मदद'],
  ['bn', 'অনুবাদ', 'অনুবাদ\\s+(?:করুন|করতে|করো)', 'এই\\s+(?:পাতাটি|পাতা|পৃষ্ঠা|নিবন্ধটি|নিবন্ধ|পোস্ট|লেখাটি|লেখা)', 'সাহায্য'],
  ['ur', 'ترجمہ', 'ترجمہ\\s+(?:کریں|کرنے|کیجیے|کیجئے)', '(?:اس|یہ)\\s+(?:صفحہ|صفحے|مضمون|تحریر|پوسٹ)', 'مدد'],
  ['ta', 'மொழிபெயர்', 'மொழிபெயர்(?!க்கப்பட|த்த)', 'இப்பக்க|இக்கட்டுரை|இந்தப்\\s*(?:பக்க|பதிவ)|இந்தக்\\s*கட்டுரை|இந்த\\s+(?:பக்க|கட்டுரை|பதிவ)', 'உதவ'],
  ['te', 'అనువద', 'అనువదించ(?:ండి|డానికి|డం)', 'ఈ\\s+(?:పేజీ|వ్యాస|పోస్ట్|కథన)', 'సహాయ'],
  ['ml', 'പരിഭാഷ|വിവർത്തന', 'പരിഭാഷപ്പെടുത്ത(?:ുക|ാൻ|ൂ)|വിവർത്തനം\\s+ചെയ്യ(?:ുക|ാൻ|ൂ)', 'ഈ\\s+(?:താൾ|പേജ്|ലേഖന|പോസ്റ്റ്)', 'സഹായ'],
  ['kn', 'ಭಾಷಾಂತರ|ಅನುವಾದ', '(?:ಭಾಷಾಂತರಿಸ|ಅನುವಾದಿಸ)(?!ಲಾಗ|ಲಾದ)|ಅನುವಾದ\\s+ಮಾಡ', 'ಈ\\s+(?:ಪುಟ|ಲೇಖನ|ಪೋಸ್ಟ್)', 'ಸಹಾಯ'],
  ['mr', 'भाषांतर|अनुवाद', '(?:भाषांतर|अनुवाद)\\s+(?:करा|करण्यास|करण्यासाठी)', '(?:या|हा|हे|ह्या)\\s+(?:पानाचे|पानाचा|पान|पृष्ठ|लेखाचे|लेखाचा|लेख|पोस्ट)', 'मदत'],
  ['gu', 'ભાષાંતર|અનુવાદ', '(?:ભાષાંતર|અનુવાદ)\\s+(?:કરો|કરવા)', 'આ\\s+(?:પાનાનું|પાના|પૃષ્ઠ|લેખનો|લેખ|પોસ્ટ)', 'મદદ'],
  ['pa', 'ਉਲਥਾ|ਅਨੁਵਾਦ|ਤਰਜਮਾ', '(?:ਉਲਥਾ|ਅਨੁਵਾਦ|ਤਰਜਮਾ)\\s+(?:ਕਰੋ|ਕਰਨ)', '(?:ਇਸ|ਇਹ)\\s+(?:ਵਰਕੇ|ਪੰਨੇ|ਸਫ਼ੇ|ਲੇਖ|ਪੋਸਟ)', 'ਮਦਦ'],
  ['ne', 'अनुवाद', 'अनुवाद\\s+(?:गर्नुहोस्|गर्न|गर)', '(?:यो|यस)\\s+(?:पृष्ठको|पृष्ठ|लेखको|लेख|पोस्ट)', 'मद्दत|सहयोग'],
  ['si', 'පරිවර්තන', 'පරිවර්තනය\\s+(?:කරන්න|කිරීමට)', '(?:මෙම|මේ)\\s+(?:පිටුව|ලිපිය|පෝස්ට්)', 'උදව්'],
  ['th', 'แปล', 'แปล(?!แล้ว|โดย)', 'หน้านี้|บทความนี้|โพสต์นี้|ข้อความนี้', 'ช่วย'],
  ['km', 'បកប្រែ', 'បកប្រែ', 'ទំព័រនេះ|អត្ថបទនេះ|ប្រកាសនេះ', 'ជួយ'],
  ['my', 'ဘာသာပြန်', 'ဘာသာပြန်(?:ပါ|ရန်|ပေး)', '(?:ဤ|ဒီ)\\s*(?:စာမျက်နှာ|ဆောင်းပါး|ပို့စ်)', 'ကူညီ'],
  ['vi', 'dịch', '(?<!bản\\s|được\\s)dịch(?!\\s+vụ)', '(?:trang|bài\\s+viết|bài|văn\\s+bản)\\s+này', 'giúp'],
  ['id', 'erjemah', '(?<!di)terjemahkan|menerjemahkan', '(?:halaman|artikel|tulisan|pos|posting|teks)\\s+ini', 'bantu'],
  ['ms', 'erjemah', '(?<!di)terjemahkan|menterjemah(?:kan)?', '(?:laman|halaman|artikel|rencana|catatan|hantaran|teks)\\s+ini', 'bantu'],
  ['tl', 'salin', 'isalin(?:wika)?|magsalin', 'itong\\s+(?:pahina|artikulo|post)|(?:pahinang|artikulong)\\s+ito', 'tulung'],
  ['jv', 'pertal|terjemah', 'pertal|terjemahna', '(?:kaca|artikel|tulisan)\\s+iki', 'bantu|tulung'],
  ['sw', 'tafsiri', '(?<![a-z])tafsiri(?!wa)', 'ukurasa\\s+huu|makala\\s+h(?:ii|aya)|chapisho\\s+hili|maandishi\\s+haya', 'saidia'],
  ['ja', '翻訳', '翻訳(?!され|版|者|済)', 'この(?:ページ|記事|投稿|文書|エントリー)', '手伝|協力'],
  ['ko', '번역', '번역(?!된|본|자)', '이\\s*(?:문서|페이지|글|기사|게시물)', '도와|도움'],
  ['zh', '翻译|翻譯', '(?<!已|被)(?:翻译|翻譯)(?!版|者|自)', '(?:本|此|这篇|這篇|这个|這個|该|該)(?:页面|頁面|文章|页|頁|帖子|文)', '帮助|幫助|协助|協助|帮忙|幫忙|参与|參與'],
  ['ca', 'tradu', 'tradu(?:ïu|eix|ir|iu)(?![a-zà-ü])', '(?:aquesta|aquest)\\s+(?:pàgina|article|entrada|publicació|text)', 'ajud'],
  ['gl', 'traduc', 'traduc(?:ir|e|ide)(?![a-záéíóú])', '(?:esta|este)\\s+(?:páxina|artigo|entrada|publicación|texto)', 'axud'],
  ['eu', 'itzul', 'itzul(?:i|tzen|tzeko)(?![a-z])', '(?:orri|artikulu|sarrera|testu|argitalpen)\\s+(?:hau|hori)', 'lagun'],
  ['cy', 'cyfieith', 'cyfieithu|cyfieithwch', '(?:y|’r|\'r)\\s*(?:dudalen|erthygl|cofnod|testun|post)\\s+(?:hon|hwn)', 'help'],
  ['is', 'þýð', 'þýð(?:a|ið|u)(?![a-zþæöð])', '(?:þessa|þessi|þetta|þessari)\\s+(?:síðu|grein|færslu|texta)', 'hjálp'],
  ['be', 'перакла', 'перакласці|перакладзіце|перакладайце', '(?:гэту|гэты|гэта)\\s+(?:старонку|артыкул|запіс|тэкст)', 'дапам'],
  ['ky', 'котор', 'котор(?:уу|уңуз|гула|уп)', '(?:бул|ушул)\\s+(?:баракты|барак|макаланы|макала|постту|текстти)', 'жардам'],
  ['tt', 'тәрҗемә', 'тәрҗемә\\s+(?:итү|итегез|итәргә|ит)', 'бу\\s+(?:битне|бит|мәкаләне|мәкалә|язманы)', 'ярдәм'],
  ['ba', 'тәржемә', 'тәржемә\\s+(?:итергә|итегеҙ|ит)', 'был\\s+(?:битте|бит|мәҡәләне|мәҡәлә)', 'ярҙам'],
  ['ps', 'ژباړ', 'ژباړ(?:ل|ئ|ه\\s+کړئ)', '(?:دا|همدا|دغه)\\s+(?:مخ|مقاله|لیکنه|پاڼه)', 'مرسته'],
  ['ckb', 'وەرگێڕ|وەربگێڕ', 'وەربگێڕ|وەرگێڕان|وەرگێڕن', 'ئەم\\s+(?:پەڕەیە|پەڕە|وتارە|بابەتە)', 'یارمەتی'],
  ['ku', 'werger', 'wergerîne|wergerînin|wergerandin', '(?:vê|vî|ev)\\s+(?:rûpelê|rûpel|gotarê|gotar|nivîsê)', 'alîkarî'],
  ['eo', 'traduk', 'traduk(?:i|u)(?![a-zĉĝĥĵŝŭ])', '(?:ĉi\\s+tiun|tiun\\s+ĉi)\\s+(?:paĝon|artikolon|afiŝon|tekston)', 'help'],
  ['af', 'vertaal', '(?<!is\\s|word\\s|wees\\s)vertaal(?![a-z])', '(?:hierdie|die)\\s+(?:bladsy|artikel|plasing|teks)', 'help'],
  ['lb', 'iwwersetz', 'iwwersetzen|iwwersetz(?![a-zäëé])', '(?:dës|dësen|dëst)\\s+(?:säit|artikel|bäitrag|text)', 'hëllef|hëlle'],
  ['mt', 'ittraduċ', 'ittraduċ(?:i|u)', '(?:din\\s+il-|dan\\s+l-)(?:paġna|artiklu|post|test)', 'għin'],
  ['br', 'treiñ', 'treiñ', '(?:ar\\s+bajenn|ar\\s+pennad|an\\s+destenn)[-\\s]mañ', 'sikour'],
  ['sq', 'përkth', 'përkth(?:e|eni|ejmë)(?![a-zë])', '(?:këtë|ky|kjo)\\s+(?:faqe|artikull|postim|tekst)', 'ndihm'],
  ['mn', 'орчуул', 'орчуул(?:на|ах|аарай|ж)', 'энэ\\s+(?:хуудсыг|хуудас|нийтлэлийг|нийтлэл|бичлэгийг)', 'тусла'],
  ['tg', 'тарҷума', 'тарҷума\\s+(?:кунед|кардан|кун)', 'ин\\s+(?:саҳифаро|саҳифа|мақоларо|мақола)', 'кӯмак'],
  ['ig', 'gharịa|gharia', '(?:tụgharịa|sụgharịa|tugharia)', '(?:ihuakwụkwọ|akụkọ|edemede)\\s+a(?![a-zị])', 'nyere'],
  ['so', 'turju', 'turjun|turjum', 'boggan|maqaalkan|qoraalkan', 'caawi'],
];

/** Between the verb and the words it goes with: part of one short sentence. */
const GAP = '[^.?!。？！\\n]{0,24}?';

/** Each language's stems, and its pattern (verb then article, article then verb, or help then verb), made on first use. */
const LANGUAGES = LANGUAGE_WORDING.map(([, stems, verb, article, help]) => ({
  stems: stems.split('|'),
  source: `(?:${verb})${GAP}(?:${article})|(?:${article})${GAP}(?:${verb})|(?:${help})[^.?!。？！\\n]{0,16}?(?:${verb})`,
  pattern: null as RegExp | null,
}));

/** Where in `text` an invitation in one of these languages is, or null. */
export function matchLanguageInvitation(text: string): RegExpExecArray | null {
  const lower = text.toLowerCase();
  for (const language of LANGUAGES) {
    if (!language.stems.some((stem) => lower.includes(stem))) continue;
    language.pattern ??= new RegExp(language.source, 'iu');
    const match = language.pattern.exec(text);
    if (match) return match;
  }
  return null;
}
