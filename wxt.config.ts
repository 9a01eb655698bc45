import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Hosts whose posts carry a call to translate them; the content script runs only here at install.
export const TRANSLATION_HOSTS = ['https://diff.wikimedia.org/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out, so a reader sees where each name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Interlinear',
    description:
      'Draft a translation of a blog post paragraph by paragraph while you read it. Drafts are saved as you type.',
    permissions: ['storage', 'tabs', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'Interlinear' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'interlinear@interlinear.app', strict_min_version: '115.0' },
          },
        }
      : {}),
  }),
});
