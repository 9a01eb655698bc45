// Fuzzing with fast-check: random and mutated pages through detection and segmentation, random and
// mutated files through the import parsers, random messages through the background's gate and
// handlers. Nothing may crash, hang (each input has a generous bound), or write half a change.
// FUZZ_RUNS sets the number of inputs per property (npm test: 150; test:stress: 2,000).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openPage, fixtures } from './support/pages';
import { hostilePayloads } from './support/hostile-page';
import { detectPage } from '../utils/detect';
import { stripTokens } from '../utils/segment/placeholders';
import { planFromBackup } from '../utils/export/import-backup';
import { planFromXliff } from '../utils/export/import-xliff';
import { ImportError, validatePlan } from '../utils/export/import-plan';
import { MessageGate } from '../utils/message-gate';
import { MESSAGE_TYPES, dispatch } from '../utils/messaging';
import { DraftService } from '../utils/store/draft-service';
import { openDraftStore, type DraftStore } from '../utils/store/draft-store';
import { TabRegistry } from '../utils/store/tab-registry';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** Far above any real input's time: only a hang or a blow-up reaches it. */
const BOUND_MS = 5_000;
const FUZZ_TIMEOUT = 60_000 + RUNS * 250;
const PAYLOADS = hostilePayloads();
const DIFF_POST = readFileSync(new URL('diff-central-asia-wikimania-2024.html', fixtures), 'utf8');
const POST_URL = 'https://diff.wikimedia.org/2024/09/05/central-asian-community-members-share-their-thoughts-on-wikimania-2024/';

function timed<T>(what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const took = performance.now() - started;
  if (took > BOUND_MS) throw new Error(`${what} took ${Math.round(took)} ms`);
  return result;
}

// ------------------------------------------------------------------ pages

const TAGS = ['p', 'div', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img', 'a', 'strong', 'em',
  'code', 'sup', 'table', 'tr', 'td', 'script', 'style', 'nav', 'footer', 'span', 'br', 'section', 'cite', 'template'];
const ATTRIBUTES = ['class="entry-content"', 'class="entry-title"', 'id="translate-post"', 'href="javascript:alert(1)"',
  'href="https://example.org/a"', 'href="#cite_note-1"', 'lang="fa"', 'dir="rtl"', 'hidden', 'class="sharedaddy"',
  'src="data:image/png;base64,AA"', 'alt="x"', 'onclick="alert(1)"'];
const words = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...PAYLOADS), fc.constantFrom('Can you help us translate this article?', 'ترجمه', '⟨1⟩x⟨/1⟩', '&amp;', '&lt;p&gt;'));

const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words.map((w) => w.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.subarray(ATTRIBUTES, { maxLength: 2 }), fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, attributes, children]) => `<${tag} ${attributes.join(' ')}>${children.join('')}</${tag}>`),
  ),
})).node;

/** Every reading of a page keeps the segmenter's promises. */
function checkDetection(page: string, url = POST_URL): void {
  const detection = timed('detection', () => detectPage(openPage(page, url), url));
  const ids = detection.segments.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const segment of detection.segments) {
    expect(segment.text).not.toBe('');
    expect(segment.text).toBe(segment.text.replace(/\s+/g, ' ').trim());
    if (segment.tagged !== undefined) expect(stripTokens(segment.tagged).replace(/\s+/g, ' ').trim()).toBe(segment.text);
  }
}

describe('fuzzing detection and segmentation', () => {
  it('reads random pages, with and without a call to action', () => {
    const page = fc.tuple(html, fc.boolean()).map(
      ([body, cta]) =>
        `<html lang="en"><body><article><h1 class="entry-title">T</h1><div class="entry-content">${body}</div>` +
        `${cta ? '<div id="translate-post"><h2>Can you help us translate this article?</h2></div>' : ''}</article></body></html>`,
    );
    fc.assert(fc.property(page, (p) => checkDetection(p)), { numRuns: RUNS });
  }, FUZZ_TIMEOUT);

  it('reads the real Diff post cut, repeated and spliced with tag soup', () => {
    const mutation = fc.tuple(fc.nat(DIFF_POST.length), fc.nat(2_000), fc.constantFrom('cut', 'repeat', 'splice'), html);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let page = DIFF_POST;
        for (const [at, length, kind, soup] of mutations) {
          const start = at % (page.length + 1);
          const end = Math.min(page.length, start + length);
          page =
            kind === 'cut'
              ? page.slice(0, start) + page.slice(end)
              : kind === 'repeat'
                ? page.slice(0, end) + page.slice(start, end) + page.slice(end)
                : page.slice(0, start) + soup + page.slice(start);
        }
        checkDetection(page);
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 3)) },
    );
  }, FUZZ_TIMEOUT);
});

// ------------------------------------------------------------------ import files

const VALID_BACKUP = JSON.stringify({
  format: 'interlinear-backup',
  version: 1,
  posts: [{
    key: POST_URL, url: POST_URL, title: 'T', sourceLanguage: 'en',
    segments: [{ id: 'p-1', kind: 'paragraph', text: 'One.' }],
    translations: [{ lang: 'ru', drafts: [{ segmentId: 'p-1', text: 'Один.', status: 'done', history: [] }] }],
  }],
});
const VALID_XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
<file id="f1" original="${POST_URL}"><unit id="p-1"><segment state="final"><source>One.</source><target>Один.</target></segment></unit></file></xliff>`;

/** A parser either gives a plan the background accepts or says clearly what is wrong. */
function checkParser(parse: () => unknown): void {
  try {
    const plan = timed('parsing', parse);
    expect(() => validatePlan(plan)).not.toThrow();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
  }
}

const mutated = (valid: string) =>
  fc.array(fc.tuple(fc.nat(valid.length), fc.nat(40), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 6 }).map((edits) => {
    let text = valid;
    for (const [at, cut, insert] of edits) {
      const start = at % (text.length + 1);
      text = text.slice(0, start) + insert + text.slice(start + cut);
    }
    return text;
  });

describe('fuzzing the import parsers', () => {
  it('reads random text and mutated backups without crashing', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), mutated(VALID_BACKUP)), (text) => checkParser(() => planFromBackup(text))), { numRuns: RUNS });
  });

  it('reads random text and mutated XLIFF without crashing', () => {
    const parser = new DOMParser();
    fc.assert(fc.property(fc.oneof(fc.string(), mutated(VALID_XLIFF)), (text) => checkParser(() => planFromXliff(text, parser))), { numRuns: RUNS });
  });
});

// ------------------------------------------------------------------ messages

async function snapshot(store: DraftStore): Promise<string> {
  const db = store.db;
  return JSON.stringify(await Promise.all((['posts', 'drafts', 'revisions', 'outbox'] as const).map((s) => db.getAll(s))));
}

describe('fuzzing the background’s messages', () => {
  it('refuses malformed messages without writing, and answers or fails cleanly on the rest', async () => {
    const store = await openDraftStore('fuzz-messages');
    const service = new DraftService({
      store,
      tabs: new TabRegistry(fakeBrowser.storage.session),
      prefs: fakeBrowser.storage.local,
      setBadge: async () => undefined,
      askTab: async () => null,
      broadcast: () => undefined,
      browserLanguages: () => ['en-US'],
    });
    const gate = new MessageGate('own', 'chrome-extension://own/');
    const sender = fc.constantFrom(
      { id: 'own', url: 'chrome-extension://own/sidepanel.html' },
      { id: 'own', url: POST_URL, tab: { id: 1 } },
      { id: 'other', url: 'chrome-extension://other/x.html' },
    );
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.constant(POST_URL), fc.constant('ru'), fc.constant('p-1'), fc.array(fc.string(), { maxLength: 3 }));
    const message = fc.oneof(
      fc.record({ type: fc.constantFrom(...MESSAGE_TYPES, 'drafts:drop', '__proto__') }, { requiredKeys: [] }).chain((m) =>
        fc.dictionary(fc.constantFrom('postKey', 'lang', 'segmentId', 'text', 'tabId', 'status', 'url', 'post', 'settings', 'scope', 'format', 'plan'), value).map((fields) => ({ ...fields, ...m })),
      ),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(message, sender, async (m, s) => {
        const before = await snapshot(store);
        const admitted = gate.admit(m, s);
        if (!admitted) {
          expect(await snapshot(store)).toBe(before);
          return;
        }
        const answer = dispatch(service.handlers, admitted, s, 'own');
        await answer?.catch((error: unknown) => expect(error).toBeInstanceOf(Error));
      }),
      { numRuns: RUNS },
    );
    expect(gate.refused.invalid + gate.refused.unknown + gate.refused.sender + gate.refused['not-ours']).toBeGreaterThan(0);
  });
});
