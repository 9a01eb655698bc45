// The browser's own runtime API for the content scripts (promise-based in Chrome MV3 and Firefox):
// no webextension-polyfill, which would weigh more than the first look itself and cost every page
// that runs the page reader its parsing.
import type { browser as Browser } from 'wxt/browser';
import type { Handlers, Message, MessageType, Response, Sender } from '../messaging';

export type Runtime = typeof Browser.runtime;

export function nativeRuntime(): Runtime {
  const scope = globalThis as unknown as { browser?: typeof Browser; chrome: typeof Browser };
  return (scope.browser?.runtime?.id ? scope.browser : scope.chrome).runtime;
}

/** Sends a message of the protocol to the background. */
export function sendWith<T extends MessageType>(runtime: Runtime, message: Message<T>): Promise<Response<T>> {
  return runtime.sendMessage(message) as Promise<Response<T>>;
}

/**
 * Answers this extension's messages that `handlers` names (as messaging's dispatch does, without
 * importing it: that module brings the polyfill), through sendResponse, since Chrome's own
 * onMessage does not take a returned promise. Other messages are left for another context.
 */
export function answerMessages(runtime: Runtime, handlers: Handlers): void {
  runtime.onMessage.addListener(((message: unknown, sender: Sender, sendResponse: (value: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (sender.id !== runtime.id || typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as MessageType] as (message: unknown, sender: Sender) => unknown;
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(sendResponse, () => sendResponse(undefined));
    return true; // answers later
  }) as Parameters<Runtime['onMessage']['addListener']>[0]);
}
