// Outside a browser, `wxt/browser` is `globalThis.chrome`, which Node lacks: give it an English
// i18n before any extension module is imported, so interface texts (an export's labels, an error)
// read as in an English browser. Import this first.
import { englishGetMessage } from './locale-messages';

const scope = globalThis as { chrome?: { i18n?: unknown } };
scope.chrome ??= {};
scope.chrome.i18n ??= { getMessage: englishGetMessage, getUILanguage: () => 'en' };
