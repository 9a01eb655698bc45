// The one message protocol between content script, background and views.
// Every message is `{ type, ...fields }`; `Protocol[type]` names its fields and its answer.
import { browser } from 'wxt/browser';
import type { DraftRecord, PostRecord, PostSnapshot, PostSummary, Progress } from './model';
import type { ConnectionReport } from './sync/connection-test';
import type { SettingsErrors, SyncSettingsInput, SyncSettingsView } from './sync/settings';
import type { SyncStatus } from './sync/status';

/** What a view needs to show one tab's post in one target language. */
export interface TabPost {
  tabId: number;
  post: PostRecord;
  lang: string;
  drafts: DraftRecord[];
  progress: Progress;
  /** The target languages this translator chose lately, most recent first. */
  recentLanguages: string[];
}

export interface Protocol {
  /** content → background: this page asks for translation; here is what it offers. */
  'post:seen': { request: { post: PostSnapshot }; response: { ok: true } };
  /** content → background: this page does not ask for translation. */
  'page:none': { request: { url: string }; response: { ok: true } };
  /** background → content: detect again, now (the view opened before the page reported). */
  'page:detect': { request: {}; response: PostSnapshot | null };
  /** view → content: highlight a segment's paragraph in the page (null clears), scrolling to it on request. */
  'page:highlight': { request: { segmentId: string | null; scroll?: boolean }; response: { shown: boolean } };
  /** view → background: the post shown in that tab, or null when the page does not ask for translation. */
  'tab:get-post': { request: { tabId: number; lang?: string }; response: TabPost | null };
  /** view → background: remember the target language chosen for a post. */
  'post:set-language': { request: { postKey: string; lang: string }; response: { ok: true } };
  /** view → background: save one draft; the background keeps a revision and tells every view. */
  'draft:save': {
    request: { postKey: string; lang: string; segmentId: string; text: string };
    response: DraftRecord;
  };
  /** view → background: the posts that have drafts, most recent first. */
  'posts:list': { request: {}; response: PostSummary[] };
  /** background → views: a draft changed (in any view). */
  'draft:changed': { request: { draft: DraftRecord; progress: Progress | null }; response: void };
  /** background → views: the post shown in a tab changed (navigation, new detection). */
  'tab:changed': { request: { tabId: number }; response: void };
  /** view → background: the translator has looked at a segment's concurrent edits; stop flagging them. */
  'draft:mark-reviewed': {
    request: { postKey: string; lang: string; segmentId: string };
    response: DraftRecord | null;
  };
  /** view → background: the sync state, for the status line. */
  'sync:get-status': { request: {}; response: SyncStatus };
  /** view → background: "Sync now"; answers when that sync is over. */
  'sync:now': { request: {}; response: SyncStatus };
  /** background → views: the sync state changed. */
  'sync:status': { request: { status: SyncStatus }; response: void };
  /** options → background: the sync settings, without the password (extension pages only). */
  'sync:get-settings': { request: {}; response: SyncSettingsView | null };
  /**
   * options → background: save the sync settings (the page has asked for the server's host
   * permission first); `null` turns sync off and forgets the credentials.
   */
  'sync:save-settings': {
    request: { settings: SyncSettingsInput | null };
    response: { ok: true } | { ok: false; errors: SettingsErrors };
  };
  /** options → background: check the settings against the server, saying what works and what not. */
  'sync:test-connection': { request: { settings: SyncSettingsInput }; response: ConnectionReport };
  /** options → background: create the database the settings name. */
  'sync:create-database': { request: { settings: SyncSettingsInput }; response: { ok: boolean; message: string } };
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = T extends MessageType
  ? { type: T } & Protocol[T]['request']
  : never;
export type Response<T extends MessageType> = Protocol[T]['response'];

export const MESSAGE_TYPES = [
  'post:seen',
  'page:none',
  'page:detect',
  'page:highlight',
  'tab:get-post',
  'post:set-language',
  'draft:save',
  'posts:list',
  'draft:changed',
  'tab:changed',
  'draft:mark-reviewed',
  'sync:get-status',
  'sync:now',
  'sync:status',
  'sync:get-settings',
  'sync:save-settings',
  'sync:test-connection',
  'sync:create-database',
] as const satisfies readonly MessageType[];

/** The messages the background answers; the others go to tabs or views. */
export const BACKGROUND_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'post:seen',
  'page:none',
  'tab:get-post',
  'post:set-language',
  'draft:save',
  'posts:list',
  'draft:mark-reviewed',
  'sync:get-status',
  'sync:now',
  'sync:get-settings',
  'sync:save-settings',
  'sync:test-connection',
  'sync:create-database',
]);

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    (MESSAGE_TYPES as readonly string[]).includes((value as { type?: unknown }).type as string)
  );
}

/** Ask the background (from a view or the content script). */
export function sendMessage<T extends MessageType>(message: Message<T>): Promise<Response<T>> {
  return browser.runtime.sendMessage(message) as Promise<Response<T>>;
}

/** Ask the content script in a tab. */
export function sendToTab<T extends MessageType>(tabId: number, message: Message<T>): Promise<Response<T>> {
  return browser.tabs.sendMessage(tabId, message) as Promise<Response<T>>;
}

/** Tell every open view; having none open is not an error. */
export function broadcast<T extends MessageType>(message: Message<T>): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type Handlers = {
  [T in MessageType]?: (message: Message<T>, sender: Sender) => Promise<Response<T>> | Response<T>;
};

/**
 * Routes one incoming message to its handler. Returns undefined (not handled) for anything that
 * is not ours, or that this context has no handler for, so another context may answer it.
 */
export function dispatch(handlers: Handlers, message: unknown, sender: Sender, ownId: string): Promise<unknown> | undefined {
  if (sender.id !== ownId || !isMessage(message)) return undefined;
  const handler = handlers[message.type] as ((m: Message, s: Sender) => unknown) | undefined;
  if (!handler) return undefined;
  return Promise.resolve().then(() => handler(message, sender));
}
