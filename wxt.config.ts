import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { TRANSLATION_HOSTS } from './utils/translation-hosts';

// Firefox: Manifest V2 (WXT's default for Firefox) with a non-persistent background (an event page,
// set in entrypoints/background.ts); docs/firefox.md says why. The lowest version it runs on:
// 140, for data_collection_permissions and the CSS Custom Highlight API; storage.session in MV2
// needs 115, MV2 event pages 106. Before 153 Firefox lacks Intl.Locale#getTextInfo(), so editors
// there take their direction from the text (dir="auto"; utils/languages.ts).
export const FIREFOX_MIN_VERSION = '140.0';

// Any CouchDB server, http or https; each one only when the translator allows it.
const SYNC_SERVER_ORIGINS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  // WXT_OUT_DIR lets several builds (a test run beside a demo) live side by side.
  ...(process.env.WXT_OUT_DIR ? { outDir: process.env.WXT_OUT_DIR } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out, so a reader sees where each name comes from.
  imports: false,
  vite: ({ browser }) => ({ plugins: [preact(), polyfillAsModule(), ...(browser === 'firefox' ? [withoutRawHtml()] : [])] }),
  manifest: ({ browser }) => ({
    // Name and description in the browser's language: public/_locales/<locale>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The always-on content script is an unlisted script (entrypoints/first-look.ts), listed here by
    // hand: it stays small, and has the background run the page reader only where a page may ask.
    content_scripts: [{ matches: TRANSLATION_HOSTS, js: ['first-look.js'], run_at: 'document_idle' }],
    // The same sites as a host permission (no further warning: the content script already reads
    // them), so the background may run the page reader there; content-script matches alone do not
    // let it (Chrome: "Extension manifest must request permission to access this host").
    host_permissions: TRANSLATION_HOSTS,
    // Each permission's one-line reason is in README ("Permissions, and why"). No `tabs`: the tab
    // ids the views hold, the host access above and activeTab give every address Interlinear reads.
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // The sync server is the translator's own choice: its origin is asked for when they save the
    // sync settings (options page), never granted at install. The same optional origins serve the
    // sites the reader adds with "Always check this site", each asked for when they add it.
    ...(browser === 'firefox'
      ? { optional_permissions: SYNC_SERVER_ORIGINS }
      : { optional_host_permissions: SYNC_SERVER_ORIGINS }),
    // WebAssembly for the glossary's Snowball stemmers (multilingual-stemmer), in extension pages
    // only; nothing else is loosened.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';"
        : { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    // A key opens the popup as the toolbar button does, lending Interlinear the tab (activeTab).
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+Y' },
      },
    },
    // The toolbar button's tooltip, in the browser's language. The popup's index.html has no <title>:
    // WXT would put that in its place. Firefox (MV2) calls the button browser_action.
    ...(browser === 'firefox'
      ? { browser_action: { default_title: '__MSG_extName__' } }
      : { action: { default_title: '__MSG_extName__' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'interlinear@interlinear.app',
              strict_min_version: FIREFOX_MIN_VERSION,
              // Drafts stay in the browser: nothing is collected or sent to us or anyone else.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on (web-ext lint says so).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // Firefox's sources zip is what AMO reviewers build from (docs/firefox.md): the extension's
    // code and build files, without tests, fixtures, dev scripts or local leftovers.
    excludeSources: [
      'tests/**',
      'scripts/**',
      'bench/**',
      'vitest*.config.ts',
      'stats*.html',
      'test-results/**',
      'web-ext-artifacts/**',
      '**/*.log',
    ],
  },
});

/**
 * webextension-polyfill is a UMD script, which the bundler imports as CommonJS: its interop then
 * copies every property of the exported object onto a namespace object as the script starts. Where
 * the browser has its own `browser` namespace, that object is the browser's, and reading each
 * property sets up every API's bindings (tabs, windows, scripting…) in every view and at every
 * worker start, about 2 ms each. Wrapped as an ES module, its export is that object as it is. Fails
 * the build if the polyfill changes shape.
 */
function polyfillAsModule(): Plugin {
  return {
    name: 'interlinear:polyfill-as-module',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/.test(id.split('?')[0]!)) return null;
      // `exports` defined sends the UMD header down its CommonJS branch, into this `module`.
      if (!code.includes('typeof exports !== "undefined"') || !code.includes('factory(module)')) {
        this.error(`expected webextension-polyfill's UMD header in ${id}: update polyfillAsModule()`);
      }
      const wrapped = `const module = { exports: {} }, exports = module.exports, define = undefined;\n${code}\nexport default module.exports;\n`;
      return { code: wrapped, map: null };
    },
  };
}

/**
 * Preact can render raw HTML through `dangerouslySetInnerHTML`; Interlinear never does, since
 * everything it shows comes from pages it does not trust. Cutting that path out of the bundle
 * leaves no `innerHTML` sink in the shipped code (AMO's linter flags it otherwise), and makes any
 * future use fail loudly instead of rendering page markup. Fails the build if Preact changes shape.
 */
function withoutRawHtml(): Plugin {
  const sink = /(\b[\w$]+)\.innerHTML\s*=\s*([\w$]+)\.__html/g;
  return {
    name: 'interlinear:without-raw-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.m?js$/.test(id.split('?')[0]!)) return null;
      const found = code.match(sink)?.length ?? 0;
      if (found !== 1) {
        this.error(`expected one dangerouslySetInnerHTML sink in ${id}, found ${found}: update withoutRawHtml()`);
      }
      return {
        code: code.replace(sink, '(()=>{throw Error("Interlinear renders no raw HTML (dangerouslySetInnerHTML)")})()'),
        map: null,
      };
    },
  };
}
