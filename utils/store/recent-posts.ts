// The posts the worker read last, kept between reads. A post of 1,000 segments is a 0.7 MB record:
// reading it back from IndexedDB takes the worker 20–50 ms, every time a view opens it and every
// time a draft of it is saved (the progress needs its segments). Any transaction that may write
// posts forgets them all, when it begins and when it ends, whoever opened it (sync, imports, the
// WordPress marks): a kept post is never older than the database.
import type { IDBPDatabase } from 'idb';
import type { PostRecord } from '../model';
import type { InterlinearDB } from './schema';

/** How many posts are kept: those of the tabs and views open at once, in practice. */
const KEPT_POSTS = 4;

/** idb's one-request writes, each its own readwrite transaction. */
const WRITE_SHORTCUTS: ReadonlySet<PropertyKey> = new Set(['add', 'put', 'delete', 'clear']);

export class RecentPosts {
  private generation = 0;
  /** Oldest first: a read moves a post to the end. */
  private readonly kept = new Map<string, PostRecord>();

  constructor(private readonly limit = KEPT_POSTS) {}

  /** A write to the posts began or ended: nothing kept may be trusted. */
  forget(): void {
    this.generation++;
    this.kept.clear();
  }

  /**
   * The post, from here or from `load`. Each answer is a copy of the kept record's top level, so a
   * caller may set its fields; the segments are shared and frozen.
   */
  async read(key: string, load: () => Promise<PostRecord | undefined>): Promise<PostRecord | undefined> {
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return { ...hit };
    }
    const generation = this.generation;
    const record = await load();
    // A write that began meanwhile may have changed it: not kept.
    if (record && generation === this.generation) this.keep(record);
    return record && { ...record };
  }

  /** A post as just written (its transaction done): kept until the next write. */
  remember(record: PostRecord): void {
    this.keep({ ...record });
  }

  private keep(record: PostRecord): void {
    for (const segment of record.segments) deepFreeze(segment);
    Object.freeze(record.segments);
    this.kept.delete(record.key);
    this.kept.set(record.key, record);
    while (this.kept.size > this.limit) this.kept.delete(this.kept.keys().next().value!);
  }
}

/**
 * The database, with every transaction that may write posts telling `cache` when it begins and
 * when it ends. The rest passes through untouched.
 */
export function watchingPostWrites(db: IDBPDatabase<InterlinearDB>, cache: RecentPosts): IDBPDatabase<InterlinearDB> {
  const writesPosts = (stores: unknown) => (Array.isArray(stores) ? stores.includes('posts') : stores === 'posts');
  const watched = <T>(done: Promise<T>): Promise<T> => {
    cache.forget();
    // Forgotten again once it ends, whether it committed or aborted.
    done.then(() => cache.forget(), () => cache.forget());
    return done;
  };
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'transaction') {
        return (stores: unknown, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
          const tx = (value as (...args: unknown[]) => { done: Promise<void> }).call(target, stores, mode, options);
          if (mode === 'readwrite' && writesPosts(stores)) watched(tx.done);
          return tx;
        };
      }
      if (WRITE_SHORTCUTS.has(property)) {
        return (store: unknown, ...args: unknown[]) => {
          const result = (value as (...args: unknown[]) => Promise<unknown>).call(target, store, ...args);
          return writesPosts(store) ? watched(result) : result;
        };
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
