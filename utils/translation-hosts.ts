// Sites known to ask their readers to translate their posts. The content script runs only on
// these at install; nowhere else by default.
export const TRANSLATION_HOSTS = ['https://diff.wikimedia.org/*'];
