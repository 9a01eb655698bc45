// The word "translate" (its stem) in every language detection has wording for: a text without any
// of these cannot invite anyone to translate. Kept apart and small: the always-on first look tests
// a handful of short strings against it, and readWording uses it to skip texts at once.
// tests/detect/wording.test.ts checks that every invitation the tables read has one of these stems.

// One regular-expression literal: compiled once, and left alone by the minifier.
export const TRANSLATION_STEMS =
  /transl|tradu|übersetz|tłumacz|перев|перекла|аудар|tarjima|таржима|ترجم|תרגמ|לתרגם|vertal|vertaal|översätt|oversæt|oversett|kään|tõlgi|tõlki|tulko|versti|išvers|přelo|prelo|preved|prevesti|преве|fordít|μεταφρ|μετάφρ|çevir|tərcümə|თარგმნ|թարգման|अनुवाद|অনুবাদ|மொழிபெயர்|అనువద|പരിഭാഷ|വിവർത്തന|ಭಾಷಾಂತರ|ಅನುವಾದ|भाषांतर|ભાષાંતર|અનુવાદ|ਉਲਥਾ|ਅਨੁਵਾਦ|ਤਰਜਮਾ|පරිවර්තන|แปล|បកប្រែ|ဘာသာပြန်|dịch|erjemah|isalin|magsalin|pertal|tafsiri|翻訳|번역|翻译|翻譯|itzul|cyfieith|þýð|перакла|которуу|котору|которгула|тәрҗемә|тәржемә|ژباړ|وەرگێڕ|وەربگێڕ|werger|traduk|iwwersetz|ittraduċ|treiñ|përkth|орчуул|тарҷума|gharịa|gharia|turju/i;
