// A faster road for the views' biggest questions (a post with its drafts). In Chrome the
// extension's pages are clients of its service worker, and a message posted to it carries a
// structured clone: a 1,000-segment post arrives in a few milliseconds, where runtime messaging
// (JSON through the browser process) takes tens. The question and its answer are the protocol's
// own, checked by the same gate and answered by the same handlers. Where there is no such worker
// (Firefox's event page, unit tests), or no answer comes, runtime messaging carries it.
import { browser } from 'wxt/browser';
import { askWorker, takeEarlyAnswer, type WorkerAnswer, type WorkerQuestion } from './early-question';
import { sendMessage, type Message, type MessageType, type Response, type Sender } from './messaging';

/** Asks the background, over its service worker's channel where there is one. */
export async function askBackground<T extends MessageType>(message: Message<T>): Promise<Response<T>> {
  // The view's first question may have left before its code loaded (utils/early-question.ts).
  const answer = await (takeEarlyAnswer(message) ?? askWorker(message));
  if (answer === null || 'unanswered' in answer) return sendMessage(message);
  if ('error' in answer) throw new Error(answer.error);
  return answer.value as Response<T>;
}

/** Where an answer comes from: the background's one way of answering a message (gate and handlers). */
export type Answerer = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/** The parts of a service worker's message event used here (this build's types have no WebWorker lib). */
interface WorkerMessageEvent extends Omit<MessageEvent, 'source'> {
  source: { url?: string } | null;
  waitUntil(promise: Promise<unknown>): void;
}

/** In the background's service worker: answers the views' questions posted to it. */
export function answerViewsOnWorker(answer: Answerer): void {
  if (!('ServiceWorkerGlobalScope' in globalThis)) return; // Firefox's event page: runtime messaging only
  globalThis.addEventListener('message', (message) => {
    const event = message as unknown as WorkerMessageEvent;
    const port = event.ports[0];
    const question = event.data as Partial<WorkerQuestion> | null;
    if (!port || typeof question !== 'object' || question === null || !('interlinear' in question)) return;
    // Only the extension's own pages are its worker's clients; the gate checks the address anyway.
    const sender: Sender = { id: browser.runtime.id, url: event.source?.url };
    const pending = answer(question.interlinear, sender);
    const reply: Promise<WorkerAnswer> =
      pending === undefined
        ? Promise.resolve({ unanswered: true })
        : pending.then(
            (value) => ({ value }),
            (error: unknown) => ({ error: String((error as Error)?.message ?? error) }),
          );
    // The worker stays up until the answer is sent.
    event.waitUntil(reply.then((answer) => port.postMessage(answer)));
  });
}
