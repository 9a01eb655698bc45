// Types for browsers.mjs, so TypeScript files (the e2e harness, its global setup) can import it.
export interface EnsureOptions {
  /** A person is at the terminal: sudo may ask for a password. */
  interactive?: boolean;
}
export function ensureChromium(options?: EnsureOptions): Promise<string>;
export function ensureChromiumTranslations(chromiumPath: string, options?: EnsureOptions): Promise<void>;
export function ensureAptPackage(binary: string, pkg: string, options?: EnsureOptions): Promise<string>;
