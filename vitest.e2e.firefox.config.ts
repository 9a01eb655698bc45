// End-to-end tests in Firefox ESR with the built Firefox extension (tests/e2e/firefox-harness.ts):
// the files named *.firefox.test.ts, run as vitest.e2e.config.ts runs Chromium's. The same switches
// (E2E_SKIP_BUILD=1, E2E_HEADED=1), plus E2E_FIREFOX_EXTENSION_PATH and FIREFOX_PATH.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@/': root, '~/': root } },
  test: {
    include: ['tests/e2e/**/*.firefox.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/firefox-global-setup.ts'],
    pool: 'forks', // the harness removes its temp profiles on process exit
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
