// "Translate this article / page / post" and "help (us) translate", in the languages with the most
// Wikimedia and web content beyond the thirteen worded in wording.ts. Each entry gives, as regex
// sources: the verb as an invitation uses it (imperative, infinitive, "you can translate"; never the
// participle of "was translated" nor the noun of "a translation of this page is available"), the
// article it names ("this page", "this article", "this post"), and the word for help. Checked
// against translators' own wording of "Translate this page" (MediaWiki's Translate extension) and
// "Translate" in WordPress and Polylang; word order is free, as in SOV languages.

/** [BCP 47 tag, verb, "this article", help]. */
export const LANGUAGE_WORDING: readonly (readonly [string, string, string, string])[] = [
  ['it', 'tradu(?:ci|rre|rl[aoi]|cete|ciamo|ca)(?![a-zà-ù])', 'quest[oa]\\s+(?:articolo|pagina|post|testo|voce|notizia)', 'aiut'],
  ['nl', 'vertalen|vertaal(?![a-z])', '(?:deze|dit)\\s+(?:pagina|artikel|bericht|blogpost|blog|tekst)', 'help'],
  ['sv', 'översätta|översätt(?![a-zåäö])', '(?:den\\s+här|denna|detta|det\\s+här)\\s+(?:sidan|sida|artikeln|artikel|inlägget|inlägg|texten)', 'hjälp'],
  ['da', 'oversætte|oversæt(?![a-zæøå])', '(?:denne|dette|den\\s+her|det\\s+her)\\s+(?:side|siden|artikel|indlæg|tekst)', 'hjælp'],
  ['nb', 'oversette|oversett(?![a-zæøå])', '(?:denne|dette)\\s+(?:siden|side|artikkelen|artikkel|innlegget|innlegg|teksten)', 'hjelp'],
  ['fi', 'käännä|kääntää|kääntäkää|kääntämään', '(?:tämä|tämän|tätä)\\s+(?:sivu|sivun|artikkeli|artikkelin|kirjoitus|kirjoituksen|teksti|tekstin)', 'auta'],
  ['et', 'tõlgi|tõlkida|tõlkige|tõlkima', '(?:see|seda|selle)\\s+(?:leht|lehte|lehe|artikkel|artiklit|artikli|postitus|postitust)', 'aita'],
  ['lv', 'tulkot(?!s)|tulkojiet|iztulkot', '(?:šo|šī|šis)\\s+(?:lapu|lapa|rakstu|raksts|ierakstu)', 'palīdz'],
  ['lt', 'išversti|išverskite|versti(?![a-ząčęėįšųūž])', '(?:šį|šis|šio|šią|ši)\\s+(?:puslapį|puslapis|straipsnį|straipsnis|įrašą|įrašas)', 'padė'],
  ['cs', 'přeložit|přeložte|přelož(?![a-zěščřžýáíéůú])', '(?:tuto|tento|toto)\\s+(?:stránku|článek|příspěvek|text)', 'pom'],
  ['sk', 'preložiť|preložte|prelož(?![a-zäčďľňôŕšťžýáíéú])', '(?:túto|tento|toto)\\s+(?:stránku|článok|príspevok|text)', 'pom'],
  ['sl', 'prevedi(?:te)?(?![a-zčšž])|prevesti', '(?:to|ta)\\s+(?:stran|članek|prispevek|besedilo|objavo)', 'pomag'],
  ['hr', 'prevedi(?:te)?(?![a-zčćđšž])|prevesti', '(?:ovu|ovaj|ovo)\\s+(?:stranicu|članak|objavu|tekst)', 'pomo'],
  ['sr', 'преведи(?:те)?(?![а-яђјљњћџ])|превести', '(?:ову|овај|ово)\\s+(?:страницу|чланак|објаву|текст)', 'помо'],
  ['hu', '(?:le)?fordít(?:s|sd|sa|sák|sátok|suk|ani)(?![a-záéíóöőúüű])', '(?:ezt\\s+a|ez\\s+a)\\s+(?:cikket|cikk|oldalt|lapot|bejegyzést|szöveget)', 'segít'],
  ['ro', 'tradu(?:ce|cem|ceți|ceti|ci)?(?![a-zăâîșşțţ])|a\\s+traduce', '(?:această|aceasta|acest|acesta)\\s+(?:pagină|pagina|articol|postare|text)', 'ajut'],
  ['bg', 'преведете|преведи(?![а-я])|превеждане', '(?:тази|този|това)\\s+(?:страница|статия|публикация|текст)', 'помогн|помощ'],
  ['mk', 'преведете|преведи(?![а-ш])|преведување', '(?:оваа|овој|ова)\\s+(?:страница|статија|објава|текст)|страницава|статијава', 'помогн'],
  ['el', 'μεταφράστε|μετάφρασε|να\\s+μεταφράσ', '(?:αυτήν?\\s+τη|αυτό\\s+το|αυτό|αυτή)\\s*(?:σελίδα|άρθρο|ανάρτηση|κείμενο)', 'βοηθ'],
  ['tr', 'çevir(?:in|iniz|meye|mek|memize)?(?![a-zçğıöşü])', 'bu\\s+(?:sayfayı|sayfa|makaleyi|makale|yazıyı|yazı|gönderiyi|metni)', 'yardım'],
  ['az', 'tərcümə\\s+(?:et|edin|etmək|etməyə)(?![a-zəğıöşüç])', 'bu\\s+(?:səhifəni|səhifə|məqaləni|məqalə|yazını|yazı)', 'kömək'],
  ['ka', '(?<![ა-ჰ])თარგმნ(?:ა|ეთ|ე)', 'ამ\\s+(?:გვერდის|გვერდს|სტატიის|სტატიას|პოსტს|ტექსტს)', 'დაგვეხმარ'],
  ['hy', 'թարգմանե(?:ք|լ)|թարգմանիր', 'այս\\s+(?:էջը|էջ|հոդվածը|հոդված|գրառումը)', 'օգն'],
  ['hi', 'अनुवाद(?:ित)?\\s+(?:करें|करने|कीजिए|करो)', '(?:इस|यह)\\s+(?:पृष्ठ|पेज|लेख|पोस्ट|आलेख)', 'मदद'],
  ['bn', 'অনুবাদ\\s+(?:করুন|করতে|করো)', 'এই\\s+(?:পাতাটি|পাতা|পৃষ্ঠা|নিবন্ধটি|নিবন্ধ|পোস্ট|লেখাটি|লেখা)', 'সাহায্য'],
  ['ur', 'ترجمہ\\s+(?:کریں|کرنے|کیجیے|کیجئے)', '(?:اس|یہ)\\s+(?:صفحہ|صفحے|مضمون|تحریر|پوسٹ)', 'مدد'],
  ['ta', 'மொழிபெயர்(?!க்கப்பட|த்த)', 'இப்பக்க|இக்கட்டுரை|இந்தப்\\s*(?:பக்க|பதிவ)|இந்தக்\\s*கட்டுரை|இந்த\\s+(?:பக்க|கட்டுரை|பதிவ)', 'உதவ'],
  ['te', 'అనువదించ(?:ండి|డానికి|డం)', 'ఈ\\s+(?:పేజీ|వ్యాస|పోస్ట్|కథన)', 'సహాయ'],
  ['ml', 'പരിഭാഷപ്പെടുത്ത(?:ുക|ാൻ|ൂ)|വിവർത്തനം\\s+ചെയ്യ(?:ുക|ാൻ|ൂ)', 'ഈ\\s+(?:താൾ|പേജ്|ലേഖന|പോസ്റ്റ്)', 'സഹായ'],
  ['kn', '(?:ಭಾಷಾಂತರಿಸ|ಅನುವಾದಿಸ)(?!ಲಾಗ|ಲಾದ)|ಅನುವಾದ\\s+ಮಾಡ', 'ಈ\\s+(?:ಪುಟ|ಲೇಖನ|ಪೋಸ್ಟ್)', 'ಸಹಾಯ'],
  ['mr', '(?:भाषांतर|अनुवाद)\\s+(?:करा|करण्यास|करण्यासाठी)', '(?:या|हा|हे|ह्या)\\s+(?:पानाचे|पानाचा|पान|पृष्ठ|लेखाचे|लेखाचा|लेख|पोस्ट)', 'मदत'],
  ['gu', '(?:ભાષાંતર|અનુવાદ)\\s+(?:કરો|કરવા)', 'આ\\s+(?:પાનાનું|પાના|પૃષ્ઠ|લેખનો|લેખ|પોસ્ટ)', 'મદદ'],
  ['pa', '(?:ਉਲਥਾ|ਅਨੁਵਾਦ|ਤਰਜਮਾ)\\s+(?:ਕਰੋ|ਕਰਨ)', '(?:ਇਸ|ਇਹ)\\s+(?:ਵਰਕੇ|ਪੰਨੇ|ਸਫ਼ੇ|ਲੇਖ|ਪੋਸਟ)', 'ਮਦਦ'],
  ['ne', 'अनुवाद\\s+(?:गर्नुहोस्|गर्न|गर)', '(?:यो|यस)\\s+(?:पृष्ठको|पृष्ठ|लेखको|लेख|पोस्ट)', 'मद्दत|सहयोग'],
  ['si', 'පරිවර්තනය\\s+(?:කරන්න|කිරීමට)', '(?:මෙම|මේ)\\s+(?:පිටුව|ලිපිය|පෝස්ට්)', 'උදව්'],
  ['th', 'แปล(?!แล้ว|โดย)', 'หน้านี้|บทความนี้|โพสต์นี้|ข้อความนี้', 'ช่วย'],
  ['km', 'បកប្រែ', 'ទំព័រនេះ|អត្ថបទនេះ|ប្រកាសនេះ', 'ជួយ'],
  ['my', 'ဘာသာပြန်(?:ပါ|ရန်|ပေး)', '(?:ဤ|ဒီ)\\s*(?:စာမျက်နှာ|ဆောင်းပါး|ပို့စ်)', 'ကူညီ'],
  ['vi', '(?<!bản\\s|được\\s)dịch(?!\\s+vụ)', '(?:trang|bài\\s+viết|bài|văn\\s+bản)\\s+này', 'giúp'],
  ['id', '(?<!di)terjemahkan|menerjemahkan', '(?:halaman|artikel|tulisan|pos|posting|teks)\\s+ini', 'bantu'],
  ['ms', '(?<!di)terjemahkan|menterjemah(?:kan)?', '(?:laman|halaman|artikel|rencana|catatan|hantaran|teks)\\s+ini', 'bantu'],
  ['tl', 'isalin(?:wika)?|magsalin', 'itong\\s+(?:pahina|artikulo|post)|(?:pahinang|artikulong)\\s+ito', 'tulung'],
  ['jv', 'pertal|terjemahna', '(?:kaca|artikel|tulisan)\\s+iki', 'bantu|tulung'],
  ['sw', '(?<![a-z])tafsiri(?!wa)', 'ukurasa\\s+huu|makala\\s+h(?:ii|aya)|chapisho\\s+hili|maandishi\\s+haya', 'saidia'],
  ['ja', '翻訳(?!され|版|者|済)', 'この(?:ページ|記事|投稿|文書|エントリー)', '手伝|協力'],
  ['ko', '번역(?!된|본|자)', '이\\s*(?:문서|페이지|글|기사|게시물)', '도와|도움'],
  ['zh', '(?<!已|被)(?:翻译|翻譯)(?!版|者|自)', '(?:本|此|这篇|這篇|这个|這個|该|該)(?:页面|頁面|文章|页|頁|帖子|文)', '帮助|幫助|协助|協助|帮忙|幫忙|参与|參與'],
  ['ca', 'tradu(?:ïu|eix|ir|iu)(?![a-zà-ü])', '(?:aquesta|aquest)\\s+(?:pàgina|article|entrada|publicació|text)', 'ajud'],
  ['gl', 'traduc(?:ir|e|ide)(?![a-záéíóú])', '(?:esta|este)\\s+(?:páxina|artigo|entrada|publicación|texto)', 'axud'],
  ['eu', 'itzul(?:i|tzen|tzeko)(?![a-z])', '(?:orri|artikulu|sarrera|testu|argitalpen)\\s+(?:hau|hori)', 'lagun'],
  ['cy', 'cyfieithu|cyfieithwch', '(?:y|’r|\'r)\\s*(?:dudalen|erthygl|cofnod|testun|post)\\s+(?:hon|hwn)', 'help'],
  ['is', 'þýð(?:a|ið|u)(?![a-zþæöð])', '(?:þessa|þessi|þetta|þessari)\\s+(?:síðu|grein|færslu|texta)', 'hjálp'],
  ['be', 'перакласці|перакладзіце|перакладайце', '(?:гэту|гэты|гэта)\\s+(?:старонку|артыкул|запіс|тэкст)', 'дапам'],
  ['ky', 'котор(?:уу|уңуз|гула|уп)', '(?:бул|ушул)\\s+(?:баракты|барак|макаланы|макала|постту|текстти)', 'жардам'],
  ['tt', 'тәрҗемә\\s+(?:итү|итегез|итәргә|ит)', 'бу\\s+(?:битне|бит|мәкаләне|мәкалә|язманы)', 'ярдәм'],
  ['ba', 'тәржемә\\s+(?:итергә|итегеҙ|ит)', 'был\\s+(?:битте|бит|мәҡәләне|мәҡәлә)', 'ярҙам'],
  ['ps', 'ژباړ(?:ل|ئ|ه\\s+کړئ)', '(?:دا|همدا|دغه)\\s+(?:مخ|مقاله|لیکنه|پاڼه)', 'مرسته'],
  ['ckb', 'وەربگێڕ|وەرگێڕان|وەرگێڕن', 'ئەم\\s+(?:پەڕەیە|پەڕە|وتارە|بابەتە)', 'یارمەتی'],
  ['ku', 'wergerîne|wergerînin|wergerandin', '(?:vê|vî|ev)\\s+(?:rûpelê|rûpel|gotarê|gotar|nivîsê)', 'alîkarî'],
  ['eo', 'traduk(?:i|u)(?![a-zĉĝĥĵŝŭ])', '(?:ĉi\\s+tiun|tiun\\s+ĉi)\\s+(?:paĝon|artikolon|afiŝon|tekston)', 'help'],
  ['af', '(?<!is\\s|word\\s|wees\\s)vertaal(?![a-z])', '(?:hierdie|die)\\s+(?:bladsy|artikel|plasing|teks)', 'help'],
  ['lb', 'iwwersetzen|iwwersetz(?![a-zäëé])', '(?:dës|dësen|dëst)\\s+(?:säit|artikel|bäitrag|text)', 'hëllef|hëlle'],
  ['mt', 'ittraduċ(?:i|u)', '(?:din\\s+il-|dan\\s+l-)(?:paġna|artiklu|post|test)', 'għin'],
  ['br', 'treiñ', '(?:ar\\s+bajenn|ar\\s+pennad|an\\s+destenn)[-\\s]mañ', 'sikour'],
  ['sq', 'përkth(?:e|eni|ejmë)(?![a-zë])', '(?:këtë|ky|kjo)\\s+(?:faqe|artikull|postim|tekst)', 'ndihm'],
  ['mn', 'орчуул(?:на|ах|аарай|ж)', 'энэ\\s+(?:хуудсыг|хуудас|нийтлэлийг|нийтлэл|бичлэгийг)', 'тусла'],
  ['tg', 'тарҷума\\s+(?:кунед|кардан|кун)', 'ин\\s+(?:саҳифаро|саҳифа|мақоларо|мақола)', 'кӯмак'],
  ['ig', '(?:tụgharịa|sụgharịa|tugharia)', '(?:ihuakwụkwọ|akụkọ|edemede)\\s+a(?![a-zị])', 'nyere'],
  ['so', 'turjun|turjum', 'boggan|maqaalkan|qoraalkan', 'caawi'],
];

/** Between the verb and the words it goes with: part of one short sentence. */
const GAP = '[^.?!。？！\\n]{0,24}?';

/** One pattern per language: verb then article, article then verb, or help then verb. */
export const LANGUAGE_INVITATIONS: readonly RegExp[] = LANGUAGE_WORDING.map(
  ([, verb, article, help]) =>
    new RegExp(`(?:${verb})${GAP}(?:${article})|(?:${article})${GAP}(?:${verb})|(?:${help})[^.?!。？！\\n]{0,16}?(?:${verb})`, 'iu'),
);
