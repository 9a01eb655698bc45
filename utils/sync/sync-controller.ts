// Sync as the background worker runs it: the engine, its scheduler, the settings, and the answers
// to the sync messages, assembled from ports so the background only wires browser events to it.
import type { Handlers, Message, Sender } from '../messaging';
import { progressOf, type DraftRecord } from '../model';
import type { DraftStore } from '../store/draft-store';
import { followParagraphs } from '../store/source-moves';
import type { KeyValueArea } from '../store/tab-registry';
import { createDatabase, shareDatabase, testConnection } from './connection-test';
import type { Fetch } from './couch-client';
import { SyncEngine } from './engine';
import { SyncReplica, type AppliedChanges } from './replica';
import { SyncScheduler, type ScheduleOptions, type Timers } from './scheduler';
import { setAsideDraftsOf } from './set-aside';
import { settingsView, SyncSettingsStore, validateSyncSettings, type SyncSettingsInput } from './settings';

export interface SyncControllerPorts {
  store: DraftStore;
  /** Where the settings live: extension storage, local (never sync storage: it holds a password). */
  settingsArea: KeyValueArea;
  fetch: Fetch;
  broadcast(message: Message): void;
  /** The extension's own origin (`browser.runtime.getURL('')`): only its pages see settings. */
  extensionOrigin: string;
  /** Pulled drafts changed these posts: refresh the badges of the tabs showing them. */
  refreshBadges?(postKeys: string[]): Promise<void>;
  hasHostPermission?(originPattern: string): Promise<boolean>;
  timers?: Timers;
  schedule?: Partial<ScheduleOptions>;
}

export class SyncController {
  readonly settings: SyncSettingsStore;
  readonly replica: SyncReplica;
  readonly engine: SyncEngine;
  readonly scheduler: SyncScheduler;

  constructor(private readonly ports: SyncControllerPorts) {
    this.settings = new SyncSettingsStore(ports.settingsArea);
    this.replica = new SyncReplica(ports.store.db, ports.store.now);
    this.engine = new SyncEngine({
      replica: this.replica,
      settings: () => this.settings.load(),
      fetch: ports.fetch,
      onRemoteChanges: (changes) => this.announce(changes),
      onStatus: (status) => ports.broadcast({ type: 'sync:status', status }),
    });
    // The scheduler retries and backs off; its errors are in the status already.
    this.scheduler = new SyncScheduler(() => this.engine.syncOnce(), ports.schedule, ports.timers);
  }

  /** At worker start-up: follow local changes, and sync once now. */
  start(): void {
    this.ports.store.onLocalChange = () => this.localChange();
    void this.scheduler.syncNow();
  }

  /** A draft or post was written here: sync after a quiet moment; the status shows it pending. */
  localChange(): void {
    this.scheduler.changed();
    void this.engine.refreshStatus().catch(() => undefined);
  }

  /** The alarm fired, or the browser came back online. */
  wake(): Promise<void> {
    return this.scheduler.syncNow();
  }

  /**
   * Tells the views about drafts a sync changed, with their post's progress, as local saves do.
   * A pulled post whose paragraphs changed takes this device's drafts along first, so drafts not
   * synced yet (or in a language only this device works in) follow their paragraphs too.
   */
  private async announce(changes: AppliedChanges): Promise<void> {
    const { store } = this.ports;
    const drafts = [...changes.drafts];
    for (const { postKey, before, after } of changes.resegmented ?? []) {
      drafts.push(...(await followParagraphs(store, postKey, before, after)));
    }
    const groups = new Map<string, DraftRecord[]>();
    for (const draft of drafts) {
      const key = JSON.stringify([draft.postKey, draft.lang]);
      groups.set(key, [...(groups.get(key) ?? []), draft]);
    }
    for (const drafts of groups.values()) {
      const { postKey, lang } = drafts[0]!;
      const post = await store.getPost(postKey);
      const progress = post ? progressOf(post.segments, await store.getDrafts(postKey, lang)) : null;
      for (const draft of drafts) this.ports.broadcast({ type: 'draft:changed', draft, progress });
    }
    const posts = new Set([...drafts.map((d) => d.postKey), ...changes.posts.map((p) => p.key)]);
    await this.ports.refreshBadges?.([...posts]).catch(() => undefined);
  }

  /** A view's settings with the stored secrets, checked; or the answer saying what is wrong. */
  private async checked(input: SyncSettingsInput) {
    const check = validateSyncSettings(await this.settings.withStoredPassword(input));
    if (check.ok) return check;
    return { ok: false as const, refusal: { ok: false, message: Object.values(check.errors).join(' ') } };
  }

  private fromExtensionPage(sender: Sender): boolean {
    return typeof sender.url === 'string' && sender.url.startsWith(this.ports.extensionOrigin);
  }

  private refuse(sender: Sender): void {
    if (!this.fromExtensionPage(sender)) throw new Error('only Interlinear’s own pages may do this');
  }

  readonly handlers: Handlers = {
    'sync:get-status': () => this.engine.refreshStatus(),
    'sync:now': async () => {
      // Asked for by the translator, who may have fixed what the server refused: try that too.
      this.engine.retrySetAside();
      await this.scheduler.syncNow();
      return this.engine.status;
    },
    'sync:set-aside': async ({ postKey, lang }) => setAsideDraftsOf(await this.replica.setAsideList(), postKey, lang),
    'sync:get-settings': async (_message, sender) => {
      this.refuse(sender);
      const settings = await this.settings.load();
      return settings ? settingsView(settings) : null;
    },
    'sync:save-settings': async ({ settings }, sender) => {
      this.refuse(sender);
      if (settings === null) {
        await this.settings.clear();
        this.scheduler.stop();
        await this.engine.refreshStatus();
        return { ok: true };
      }
      const check = await this.settings.save(settings);
      if (!check.ok) return { ok: false, errors: check.errors };
      void this.scheduler.syncNow();
      return { ok: true };
    },
    'sync:test-connection': async ({ settings }, sender) => {
      this.refuse(sender);
      return testConnection(await this.settings.withStoredPassword(settings), {
        fetch: this.ports.fetch,
        hasHostPermission: this.ports.hasHostPermission,
      });
    },
    'sync:create-database': async ({ settings, teamRole }, sender) => {
      this.refuse(sender);
      const check = await this.checked(settings);
      return check.ok ? createDatabase(check.settings, { fetch: this.ports.fetch }, teamRole) : check.refusal;
    },
    'sync:share-database': async ({ settings, teamRole }, sender) => {
      this.refuse(sender);
      const check = await this.checked(settings);
      return check.ok ? shareDatabase(check.settings, { fetch: this.ports.fetch }, teamRole) : check.refusal;
    },
    'draft:mark-reviewed': async ({ postKey, lang, segmentId }) => {
      const draft = await this.ports.store.markReviewed({ postKey, lang, segmentId });
      if (!draft) return null;
      await this.announce({ drafts: [draft], posts: [], conflicts: 0, queued: 0 });
      return draft;
    },
  };
}
