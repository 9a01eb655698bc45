// What the background lets in: a message from its own extension pages, or one of the three a content
// script may send, shaped exactly as the protocol says, with sane sizes. Everything else is dropped
// unanswered and counted (by reason), so tests can see that it arrived and was refused.
import * as v from 'valibot';
import { ImportPlanSchema } from './export/import-plan';
import { MEMORY_REQUESTS } from './memory/memory-requests';
import { isMessage, type Message, type MessageType, type Sender } from './messaging';
import type { PostSnapshot } from './model';

/** Content scripts run in pages we do not trust: they may only report what the page offers. */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>(['post:seen', 'page:none', 'page:load-reader']);

const MAX_TEXT = 1_000_000;
const short = v.pipe(v.string(), v.maxLength(2_000));
const address = v.pipe(v.string(), v.maxLength(8_192));
const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const lang = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const status = v.picklist(['draft', 'done']);
const draftKey = { postKey: address, lang, segmentId: id };
const empty = v.object({});
const settings = v.object({
  serverUrl: address,
  database: short,
  auth: v.optional(v.picklist(['password', 'iam'])),
  username: short,
  password: v.optional(short),
  apiKey: v.optional(short),
  deviceName: short,
});

const segment = v.looseObject({
  id,
  kind: v.picklist(['heading', 'paragraph', 'list-item', 'quote', 'caption', 'table-cell']),
  text,
  tagged: v.optional(text),
  inline: v.optional(
    v.pipe(
      v.array(
        v.looseObject({
          tag: v.pipe(v.string(), v.maxLength(40)),
          attrs: v.optional(v.record(v.pipe(v.string(), v.maxLength(40)), address)),
          empty: v.optional(v.boolean()),
        }),
      ),
      v.maxLength(2_000),
    ),
  ),
  layout: v.optional(v.looseObject({ tag: v.pipe(v.string(), v.maxLength(40)) })),
});

const postSnapshot = v.looseObject({
  key: address,
  url: address,
  detected: v.boolean(),
  title: v.nullable(text),
  sourceLanguage: v.nullable(lang),
  cta: v.nullable(
    v.looseObject({
      startUrl: v.nullable(address),
      targetLanguages: v.pipe(v.array(v.object({ code: short, name: short })), v.maxLength(1_000)),
    }),
  ),
  segments: v.pipe(v.array(segment), v.maxLength(50_000)),
  wordpressPostId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

/** A page's answer to "what do you offer?" (utils/site-access/ask-page.ts), checked as a reported post is. */
export function checkedSnapshot(value: unknown): PostSnapshot | null {
  const checked = v.safeParse(postSnapshot, value);
  return checked.success ? (checked.output as PostSnapshot) : null;
}

/** The request of every message the background answers. A type missing here is refused. */
const REQUESTS: Partial<Record<MessageType, v.GenericSchema>> = {
  'post:seen': v.object({ post: postSnapshot }),
  'page:none': v.object({ url: address }),
  // No fields at all: the background takes the tab and frame from the sender, never from the page.
  'page:load-reader': v.strictObject({}),
  'tab:get-post': v.object({ tabId, lang: v.optional(lang) }),
  'post:set-language': v.object({ postKey: address, lang }),
  'post:set-source-language': v.object({ postKey: address, lang }),
  'draft:save': v.object({ ...draftKey, text, status: v.optional(status) }),
  'draft:set-status': v.object({ ...draftKey, status }),
  'draft:mark-reviewed': v.object(draftKey),
  'draft:history': v.object(draftKey),
  'draft:restore-revision': v.object({ ...draftKey, revisionId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  'draft:delete': v.object(draftKey),
  'draft:confirm-source': v.object(draftKey),
  'posts:list': empty,
  'post:get-drafts': v.object({ postKey: address, lang }),
  'drafts:delete-post': v.object({ postKey: address, lang }),
  'drafts:restore': v.object({ postKey: address, lang, segmentIds: v.pipe(v.array(id), v.maxLength(50_000)) }),
  'sync:get-status': empty,
  'sync:now': empty,
  'sync:get-settings': empty,
  'sync:save-settings': v.object({ settings: v.nullable(settings) }),
  'sync:test-connection': v.object({ settings }),
  'sync:create-database': v.object({ settings, teamRole: v.optional(short) }),
  'sync:share-database': v.object({ settings, teamRole: v.optional(short) }),
  'sync:set-aside': v.object({ postKey: address, lang }),
  'export:build': v.object({
    scope: v.union([v.literal('all'), v.object({ postKey: address, lang })]),
    format: short,
    untranslated: v.optional(v.picklist(['source', 'skip', 'empty'])),
  }),
  'import:apply': v.object({ plan: ImportPlanSchema }),
  'wordpress:editor': v.object({ tabId }),
  'wordpress:fill': v.object({ tabId, postKey: address, lang, untranslated: v.picklist(['source', 'skip']) }),
  ...MEMORY_REQUESTS,
};

export type Refusal = 'not-ours' | 'sender' | 'unknown' | 'invalid';

export class MessageGate {
  /** How many messages were refused, by reason, since the worker started. */
  readonly refused: Record<Refusal, number> = { 'not-ours': 0, sender: 0, unknown: 0, invalid: 0 };

  /** `ownOrigin`: this extension's pages' origin, e.g. `chrome-extension://abc/`. */
  constructor(
    private readonly ownId: string,
    private readonly ownOrigin: string,
    private readonly requests: Partial<Record<MessageType, v.GenericSchema>> = REQUESTS,
  ) {}

  /** The message, if the background should answer it; null (and counted) otherwise. */
  admit(message: unknown, sender: Sender): Message | null {
    if (sender.id !== this.ownId) return this.refuse('not-ours');
    if (!isMessage(message)) return this.refuse('unknown');
    const schema = this.requests[message.type];
    if (!schema) return this.refuse('unknown');
    const fromOwnPage = sender.url?.startsWith(this.ownOrigin) === true;
    if (!fromOwnPage && !CONTENT_SCRIPT_MESSAGES.has(message.type)) return this.refuse('sender');
    const { type, ...request } = message as Message & Record<string, unknown>;
    if (!v.safeParse(schema, request).success) return this.refuse('invalid');
    return message;
  }

  private refuse(reason: Refusal): null {
    this.refused[reason]++;
    return null;
  }
}

/** True when the background has a schema for the type (every answered message must have one). */
export function hasRequestSchema(type: MessageType): boolean {
  return type in REQUESTS;
}
