// The one message protocol between content script, background and views.
// Every message is `{ type, ...fields }`; `Protocol[type]` names its fields and its answer.
import { browser } from 'wxt/browser';
import type {
  DeletedDrafts,
  DraftRecord,
  DraftStatus,
  PostRecord,
  PostSnapshot,
  PostSummary,
  Progress,
  SegmentHistory,
} from './model';
import type { ConnectionReport } from './sync/connection-test';
import type { SettingsErrors, SyncSettingsInput, SyncSettingsView } from './sync/settings';
import type { SetAsideReason } from './sync/set-aside';
import type { SyncStatus } from './sync/status';
import type { ImportPlan } from './export/import-plan';
import type { ExportRequest, ExportedFile } from './store/export-files';
import type { ImportReport } from './store/import-drafts';
import type { EditorView, FillReport } from './wordpress/hand-off';
import { MEMORY_BACKGROUND_MESSAGES, MEMORY_MESSAGE_TYPES, type MemoryProtocol } from './memory/memory-protocol';

/** What a view needs to show one tab's post in one target language. */
export interface TabPost {
  /** The tab showing the post; null when a view shows the post's drafts by its key, without its page. */
  tabId: number | null;
  post: PostRecord;
  lang: string;
  drafts: DraftRecord[];
  progress: Progress;
  /** The target languages this translator chose lately, most recent first. */
  recentLanguages: string[];
}

export interface Protocol extends MemoryProtocol {
  /** content → background: this page asks for translation; here is what it offers. */
  'post:seen': { request: { post: PostSnapshot }; response: { ok: true } };
  /** content → background: this page does not ask for translation. */
  'page:none': { request: { url: string }; response: { ok: true } };
  /**
   * content → background: the first look found this page may ask for translation; run the page
   * reader (detector, segmenter, overlay) in the sender's frame. Answers once it has run there.
   */
  'page:load-reader': { request: {}; response: { loaded: boolean } };
  /** view → content: highlight a segment's paragraph in the page (null clears), scrolling to it on request. */
  'page:highlight': { request: { segmentId: string | null; scroll?: boolean }; response: { shown: boolean } };
  /** view → content: show these drafts under their paragraphs (null removes them), in a shadow root. */
  'page:preview': {
    request: { drafts: Array<{ segmentId: string; text: string }> | null; lang: string; dir: string };
    response: { shown: number };
  };
  /** content → views: the reader Alt+clicked a paragraph in the page; its editor takes the focus. */
  'page:segment-picked': { request: { segmentId: string }; response: void };
  /** view → background: the post shown in that tab, or null when the page does not ask for translation. */
  'tab:get-post': { request: { tabId: number; lang?: string }; response: TabPost | null };
  /** view → background: the post's language, guessed from its text when the page named none. */
  'post:set-source-language': { request: { postKey: string; lang: string }; response: { ok: true } };
  /** view → background: remember the target language chosen for a post. */
  'post:set-language': { request: { postKey: string; lang: string }; response: { ok: true } };
  /** view → background: save one draft; the background keeps a revision and tells every view. */
  'draft:save': {
    request: { postKey: string; lang: string; segmentId: string; text: string; status?: DraftStatus };
    response: DraftRecord;
  };
  /** view → background: mark a segment's draft done or back to draft; every view hears of it. */
  'draft:set-status': {
    request: { postKey: string; lang: string; segmentId: string; status: DraftStatus };
    response: DraftRecord;
  };
  /** view → background: the posts that have drafts, most recent first. */
  'posts:list': { request: {}; response: PostSummary[] };
  /** view → background: a post's drafts in one language, by its key (the page need not be open). */
  'post:get-drafts': { request: { postKey: string; lang: string }; response: TabPost | null };
  /** view → background: delete all the post's drafts in that language; answers what an undo restores. */
  'drafts:delete-post': { request: { postKey: string; lang: string }; response: DeletedDrafts };
  /** view → background: undo a `drafts:delete-post` (drafts written since are left as they are). */
  'drafts:restore': { request: DeletedDrafts; response: { restored: number } };
  /** background → views: a draft changed (in any view). */
  'draft:changed': { request: { draft: DraftRecord; progress: Progress | null }; response: void };
  /** background → views: the post shown in a tab changed (navigation, new detection). */
  'tab:changed': { request: { tabId: number }; response: void };
  /** background → views: an import changed many drafts of these posts at once; views showing one reload it. */
  'drafts:imported': { request: { postKeys: string[] }; response: void };
  /** view → background: the translator has looked at a segment's concurrent edits; stop flagging them. */
  /** view → background: a segment's saved changes, newest first. */
  'draft:history': { request: { postKey: string; lang: string; segmentId: string }; response: SegmentHistory };
  /** view → background: make an earlier text of the segment current again (a new revision). */
  'draft:restore-revision': {
    request: { postKey: string; lang: string; segmentId: string; revisionId: number };
    response: DraftRecord;
  };
  /** view → background: delete one draft (a tombstone); `drafts:restore` undoes it. */
  'draft:delete': { request: { postKey: string; lang: string; segmentId: string }; response: DeletedDrafts };
  /** view → background: the translator checked a draft against its paragraph's new source; stop flagging it. */
  'draft:confirm-source': {
    request: { postKey: string; lang: string; segmentId: string };
    response: DraftRecord | null;
  };
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
  /** options → background: create the database the settings name, with the user (and a team role) as members. */
  'sync:create-database': { request: { settings: SyncSettingsInput; teamRole?: string }; response: { ok: boolean; message: string } };
  /** options → background: make the user (and a team role) members of an admin-only database. */
  'sync:share-database': { request: { settings: SyncSettingsInput; teamRole?: string }; response: { ok: boolean; message: string } };
  /** view → background: the drafts of a post in a language that the server would not take, by segment. */
  'sync:set-aside': { request: { postKey: string; lang: string }; response: Record<string, SetAsideReason> };
  /** view → background: an export file of one post in one language, or of everything. */
  'export:build': { request: ExportRequest; response: ExportedFile };
  /** view → background: merge a plan the view parsed from an imported file (one transaction). */
  'import:apply': {
    request: { plan: ImportPlan };
    response: { ok: true; report: Omit<ImportReport, 'changed'> } | { ok: false; message: string };
  };
  /** view → background: the block editor a tab shows, and which post's drafts it is for (null: none). */
  'wordpress:editor': { request: { tabId: number }; response: EditorView | null };
  /** view → background: fill that editor with the post's drafts in `lang` (one undo step, nothing saved). */
  'wordpress:fill': {
    request: { tabId: number; postKey: string; lang: string; untranslated: 'source' | 'skip' };
    response: FillReport;
  };
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = T extends MessageType
  ? { type: T } & Protocol[T]['request']
  : never;
export type Response<T extends MessageType> = Protocol[T]['response'];

export const MESSAGE_TYPES = [
  'post:seen',
  'page:none',
  'page:load-reader',
  'page:highlight',
  'page:preview',
  'page:segment-picked',
  'tab:get-post',
  'post:set-language',
  'post:set-source-language',
  'draft:save',
  'draft:set-status',
  'posts:list',
  'post:get-drafts',
  'drafts:delete-post',
  'drafts:restore',
  'draft:changed',
  'tab:changed',
  'drafts:imported',
  'draft:mark-reviewed',
  'draft:history',
  'draft:restore-revision',
  'draft:delete',
  'draft:confirm-source',
  'sync:get-status',
  'sync:now',
  'sync:status',
  'sync:get-settings',
  'sync:save-settings',
  'sync:test-connection',
  'sync:create-database',
  'sync:share-database',
  'sync:set-aside',
  'export:build',
  'import:apply',
  'wordpress:editor',
  'wordpress:fill',
  ...MEMORY_MESSAGE_TYPES,
] as const satisfies readonly MessageType[];

/** The messages the background answers; the others go to tabs or views. */
export const BACKGROUND_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'post:seen',
  'page:none',
  'page:load-reader',
  'tab:get-post',
  'post:set-language',
  'post:set-source-language',
  'draft:save',
  'draft:set-status',
  'posts:list',
  'post:get-drafts',
  'drafts:delete-post',
  'drafts:restore',
  'draft:mark-reviewed',
  'draft:history',
  'draft:restore-revision',
  'draft:delete',
  'draft:confirm-source',
  'sync:get-status',
  'sync:now',
  'sync:get-settings',
  'sync:save-settings',
  'sync:test-connection',
  'sync:create-database',
  'sync:share-database',
  'sync:set-aside',
  'export:build',
  'import:apply',
  'wordpress:editor',
  'wordpress:fill',
  ...MEMORY_BACKGROUND_MESSAGES,
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
  /** The sending frame, and (Chrome) the document in it, for a content script's messages. */
  frameId?: number;
  documentId?: string;
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
  return Promise.resolve()
    .then(() => handler(message, sender))
    .catch((error: unknown) => {
      // Only the message crosses to the sender: keep the error's name in it (QuotaExceededError…).
      const { name, message: text } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      throw new Error(text.startsWith(name) || name === 'Error' ? text : `${name}: ${text}`);
    });
}
