// Sites known to ask their readers to translate their posts. The content script runs only on
// these at install; nowhere else by default (no <all_urls>). Every other site is read only when the
// reader opens Interlinear on it (activeTab) or adds it with "Always check this site".
//
// A site belongs here only when its posts are known to end with such a call: today that is
// Wikimedia's Diff, whose posts carry Polylang's "Can you help us translate this article?" box.
// No other site is known (checked against real pages) to carry such a box on its posts, so none
// is listed on a guess; a reader who meets one asking for translation adds it at runtime.
// Each entry is a match pattern for a whole site; match patterns ignore the port.
export const TRANSLATION_HOSTS = ['https://diff.wikimedia.org/*'];
