// Unit tests run under WXT's fake browser, which has no i18n: give it the English messages, read
// from public/_locales/en/messages.json as the browser would.
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishGetMessage } from './locale-messages';

const install = () => Object.assign(fakeBrowser.i18n, { getMessage: englishGetMessage, getUILanguage: () => 'en' });
install();
beforeEach(install);
