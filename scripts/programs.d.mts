// Types for programs.mjs, so TypeScript files (the e2e harness, its global setup) can import it.
export interface EnsureOptions {
  /** A person is at the terminal: sudo may ask for a password. */
  interactive?: boolean;
}
export interface Program {
  what: string;
  pkg: string;
  binary?: string;
  file?: string;
  /** A command that succeeds only where the program is there (a PHP extension). */
  command?: string[];
  env?: string;
}
export const TEST_PROGRAMS: Program[];
export const WORDPRESS_PROGRAMS: Program[];
export function ensurePrograms(programs?: Program[], options?: EnsureOptions): Promise<void>;
export function ensureChromium(options?: EnsureOptions): Promise<string>;
export function ensureChromiumTranslations(chromiumPath: string, options?: EnsureOptions): Promise<void>;
export function ensureFirefox(options?: EnsureOptions): Promise<string>;
