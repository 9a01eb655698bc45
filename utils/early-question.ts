// A view's first question — the post of its tab — leaves before the view's own code has loaded.
// The page's first script (entrypoints/early-question.ts, a few hundred bytes) asks the service
// worker at once, and the worker reads the post while the browser fetches and runs the app's
// modules; the app then takes that answer when it asks the same question (utils/worker-channel.ts).
// Nothing here imports the protocol's runtime code: this module is that first script's whole weight.
import type { Message, MessageType } from './messaging';

/** The worker's answer to a question posted to it: a value, its handler's error, or "not mine". */
export type WorkerAnswer = { value: unknown } | { error: string } | { unanswered: true };

/** A worker stopped halfway never answers: the question goes the usual way after this long. */
const ANSWER_WITHIN_MS = 5_000;

/** What a view posts to the worker (answered in utils/worker-channel.ts). */
export interface WorkerQuestion {
  interlinear: unknown;
}

/** Where the first script leaves its question for the app: the view's own page, nothing else sees it. */
const SLOT = '__interlinearEarlyQuestion';

interface EarlyQuestion {
  key: string;
  message: Message;
  answer: Promise<WorkerAnswer | null>;
}

/** Where the question is left: the page's global scope (another object in tests). */
type Scope = { [SLOT]?: EarlyQuestion };

/** Posts a question to the extension's service worker; null where there is none or it does not answer. */
export function askWorker(message: Message): Promise<WorkerAnswer | null> {
  const worker = globalThis.navigator?.serviceWorker?.controller;
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => {
      channel.port1.close();
      resolve(null);
    }, ANSWER_WITHIN_MS);
    channel.port1.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data);
    };
    worker.postMessage({ interlinear: message } satisfies WorkerQuestion, [channel.port2]);
  });
}

/** The same question twice has the same key (a field left undefined is no field). */
function keyOf(message: Message): string {
  return JSON.stringify(message);
}

/** Asks now, and keeps the answer for the app's own asking of the same question. */
export function askEarly(message: Message, scope: Scope = globalThis as Scope): void {
  if (!globalThis.navigator?.serviceWorker?.controller) return; // no worker to ask early (Firefox)
  scope[SLOT] = { key: keyOf(message), message, answer: askWorker(message) };
}

/** The early answer to this very question, once; undefined when it was not asked early. */
export function takeEarlyAnswer<T extends MessageType>(
  message: Message<T>,
  scope: Scope = globalThis as Scope,
): Promise<WorkerAnswer | null> | undefined {
  const early = scope[SLOT];
  if (!early || early.key !== keyOf(message)) return undefined;
  delete scope[SLOT];
  return early.answer;
}

/**
 * Settles once the early answer is here (or after `atMostMs`): a view that waits for it before its
 * first render shows the post in its first frame, and spends none on a "loading" one.
 */
export function earlyAnswerHere(atMostMs: number, scope: Scope = globalThis as Scope): Promise<void> {
  const early = scope[SLOT];
  if (!early) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, atMostMs);
    void early.answer.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * The tab whose post was asked for early, until the app takes that answer; else null. The first
 * script already looked up the shown tab: the view's first render need not wait to look again.
 */
export function earlyTabId(scope: Scope = globalThis as Scope): number | null {
  const message = scope[SLOT]?.message;
  return message?.type === 'tab:get-post' ? (message as Message<'tab:get-post'>).tabId : null;
}

/** The tab a view's address names (`?tab=ID`), or null. */
export function pinnedTabId(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}
