// End-to-end tests: the built extension in real Chromium (see tests/e2e/harness.ts).
// One file at a time: each launches a browser, and they share the machine's CPU.
// E2E_SKIP_BUILD=1 tests the build already there; E2E_EXTENSION_PATH another build;
// E2E_HEADED=1 (with a display) shows the browser.
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@/': root, '~/': root } },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Firefox's have their own run: vitest.e2e.firefox.config.ts.
    exclude: [...configDefaults.exclude, 'tests/e2e/**/*.firefox.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Some tests build exports in Node: their labels need browser.i18n.
    setupFiles: ['tests/support/node-messages.ts'],
    pool: 'forks', // the harness removes its temp profiles on process exit
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
