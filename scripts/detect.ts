// `npm run -s detect -- <file.html | http(s) URL> [--url <address>] [--markup]`: prints what
// Interlinear detects on a page, as one JSON object, by running detectPage on a happy-dom document.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { detectPage, pageAddress } from '../utils/detect';
import { withSourceLanguage } from '../utils/detect/guess-language';
import type { Segment } from '../utils/model';

const USAGE = 'usage: npm run -s detect -- <file.html | http(s) URL> [--url <address>] [--markup]';

interface Args {
  source: string;
  url: string | null;
  /** Print each segment's inline markup and layout too, not only id, kind and text. */
  markup: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  let source: string | null = null;
  let url: string | null = null;
  let markup = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url') {
      const value = argv[++i];
      if (!value) throw new UsageError('--url needs an address');
      url = value;
    } else if (arg.startsWith('--url=')) {
      url = arg.slice('--url='.length);
    } else if (arg === '--markup') {
      markup = true;
    } else if (arg === '-h' || arg === '--help') {
      throw new UsageError('');
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else if (source === null) {
      source = arg;
    } else {
      throw new UsageError(`unexpected argument ${arg}`);
    }
  }
  if (source === null) throw new UsageError('missing the page to read');
  if (url !== null && !URL.canParse(url)) throw new UsageError(`--url is not an address: ${url}`);
  return { source, url, markup };
}

/** The page's HTML and the address it was read from. */
async function loadPage(source: string): Promise<{ html: string; origin: string }> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { headers: { accept: 'text/html' } });
    } catch (error) {
      // fetch says only "fetch failed"; the reason (DNS, refused, TLS…) is its cause.
      const cause = (error as Error).cause;
      throw new Error(`cannot fetch ${source}: ${cause instanceof Error ? cause.message : (error as Error).message}`);
    }
    if (!response.ok) throw new Error(`cannot fetch ${source}: HTTP ${response.status} ${response.statusText}`);
    return { html: await response.text(), origin: response.url || source };
  }
  const path = resolve(source);
  try {
    return { html: await readFile(path, 'utf8'), origin: pathToFileURL(path).href };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new Error(`cannot read ${source}: ${reason}`);
  }
}

/** A segment as printed: id, kind and text; with `--markup` also its tagged text, inline elements and layout. */
function printed(segment: Segment, markup: boolean): Partial<Segment> {
  const { id, kind, text, tagged, inline, layout } = segment;
  return markup ? { id, kind, text, tagged, inline, layout } : { id, kind, text };
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`detect: ${error.message}`);
    console.error(USAGE);
    return 2;
  }

  let page: { html: string; origin: string };
  try {
    page = await loadPage(args.source);
  } catch (error) {
    console.error(`detect: ${(error as Error).message}`);
    return 1;
  }

  // A bare window: no scripts, styles, images or frames are loaded from the page.
  const window = new Window({
    url: page.origin,
    settings: { disableJavaScriptFileLoading: true, disableIframePageLoading: true },
  });
  try {
    const doc = new window.DOMParser().parseFromString(page.html, 'text/html') as unknown as Document;
    const address = args.url ?? pageAddress(doc, page.origin);
    const detection = await withSourceLanguage(detectPage(doc, address));
    const { detected, title, sourceLanguage, cta, segments, confidence, evidence } = detection;
    const output = {
      detected,
      title,
      sourceLanguage,
      cta,
      confidence,
      evidence,
      segments: segments.map((segment) => printed(segment, args.markup)),
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await window.happyDOM.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`detect: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
