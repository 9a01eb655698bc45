// The word "translate" (its stem) in every language detection has wording for: a text without any
// of these cannot invite anyone to translate. Kept apart and small: the always-on first look finds
// which of them a page's text has, and readWording uses them to skip texts at once.
// tests/detect/wording-languages.test.ts checks that every invitation the tables read has one of them.

// One string, split for the first look's plain searches and compiled for readWording: no array
// literal joined, which the bundler's minifier folds wrongly.
export const STEM_TEXT =
  'transl|tradu|übersetz|tłumacz|перев|перекла|аудар|tarjima|таржима|ترجم|תרגמ|לתרגם|vertal|vertaal|översätt|oversæt|oversett|kään|tõlgi|tõlki|tulko|versti|išvers|přelo|prelo|preved|prevesti|преве|fordít|μεταφρ|μετάφρ|çevir|tərcümə|თარგმნ|թարգման|अनुवाद|অনুবাদ|மொழிபெயர்|అనువద|പരിഭാഷ|വിവർത്തന|ಭಾಷಾಂತರ|ಅನುವಾದ|भाषांतर|ભાષાંતર|અનુવાદ|ਉਲਥਾ|ਅਨੁਵਾਦ|ਤਰਜਮਾ|පරිවර්තන|แปล|បកប្រែ|ဘာသာပြန်|dịch|erjemah|isalin|magsalin|pertal|tafsiri|翻訳|번역|翻译|翻譯|itzul|cyfieith|þýð|перакла|которуу|котору|которгула|тәрҗемә|тәржемә|ژباړ|وەرگێڕ|وەربگێڕ|werger|traduk|iwwersetz|ittraduċ|treiñ|përkth|орчуул|тарҷума|gharịa|gharia|turju';

/** The stems, lower case, for `includes` on lower-case texts: no regular expression to set up. */
export const STEMS: readonly string[] = STEM_TEXT.split('|');

/**
 * The stems a lower-case text has. Plain searches: the first regular expression a page's scripts
 * run costs its engine's start-up, which a page without a call to action should not pay for.
 */
export function stemsIn(lowerText: string): string[] {
  return STEMS.filter((stem) => lowerText.includes(stem));
}
