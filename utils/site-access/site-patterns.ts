// Which pages Interlinear reads, as match patterns: the sites it reads from install on, and the
// ones the reader added ("Always check this site"), one pattern per site.
import { TRANSLATION_HOSTS } from '../translation-hosts';

/**
 * The always-on content script's file in the build (entrypoints/first-look.ts): the same file runs
 * on every site, however it got there, and has the background run the page reader where needed.
 */
export const CONTENT_SCRIPT_FILE = '/first-look.js';

/** Registered content scripts of sites the reader added carry this id prefix; the rest is the pattern. */
const SITE_SCRIPT_PREFIX = 'site:';

/**
 * The pattern covering every page of the page's site, e.g. 'https://blog.example.org/*'; null for
 * what is not a web page (the browser's own pages, files, extension pages). Match patterns have no
 * port, so one pattern covers the site on any port.
 */
export function sitePatternOf(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // A wildcard host would be every site: never one site's pattern.
  if (!parsed.hostname || parsed.hostname.includes('*')) return null;
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The host a site pattern names, for people: 'blog.example.org' (with 'http://' when not https). */
export function siteLabelOf(pattern: string): string {
  const match = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!match) return pattern;
  return match[1] === 'https' ? match[2]! : `http://${match[2]}`;
}

/** The sites Interlinear reads from install on, by name, as a list in the UI language: 'diff.wikimedia.org'. */
export function builtInSiteNames(uiLanguage: string, installPatterns: readonly string[] = TRANSLATION_HOSTS): string {
  return new Intl.ListFormat(uiLanguage).format(installPatterns.map(siteLabelOf));
}

/** Whether the page is on a site Interlinear reads from install on (its content script is there). */
export function isReadFromInstall(url: string | undefined | null, installPatterns: readonly string[] = TRANSLATION_HOSTS): boolean {
  const pattern = sitePatternOf(url);
  return pattern !== null && installPatterns.includes(pattern);
}

export function scriptIdOf(pattern: string): string {
  return SITE_SCRIPT_PREFIX + pattern;
}

/** The site pattern of a registered script's id; null for scripts that are not a site's. */
export function patternOfScriptId(id: string): string | null {
  if (!id.startsWith(SITE_SCRIPT_PREFIX)) return null;
  const pattern = id.slice(SITE_SCRIPT_PREFIX.length);
  return sitePatternOf(pattern.replace(/\*$/, '')) === pattern ? pattern : null;
}
