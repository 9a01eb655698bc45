// This device's clock and identity as kept in the `syncMeta` store, read and advanced inside the
// caller's transaction so that a stamp and the change it stamps are written together, and the
// clock never goes backwards across service-worker restarts.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { InterlinearDB, SyncIdentity } from '../store/schema';
import { newDeviceId, nextHlc, receiveHlc } from './hlc';

type TxStores = ArrayLike<StoreNames<InterlinearDB>>;
export type SyncMetaStore<T extends TxStores> = IDBPObjectStore<InterlinearDB, T, 'syncMeta', 'readwrite'>;

export interface DeviceClock {
  deviceId: string;
  /** Unset until sync is configured: then drafts are "this device", named when pushed. */
  identity: SyncIdentity | undefined;
  /** Stamps a local change made now, later than `atLeast` (the stamp of the text it replaces). */
  stamp(atLeast?: string): string;
  /** Notes a stamp seen from elsewhere, so later local changes come after it. */
  observe(stamp: string): void;
  /** Writes the advanced clock back; call once before the transaction ends. */
  save(): Promise<void>;
}

export async function openDeviceClock<T extends TxStores>(meta: SyncMetaStore<T>, now: () => number): Promise<DeviceClock> {
  let deviceId = (await meta.get('deviceId')) as string | undefined;
  if (!deviceId) {
    deviceId = newDeviceId();
    await meta.put(deviceId, 'deviceId');
  }
  const identity = (await meta.get('identity')) as SyncIdentity | undefined;
  const saved = (await meta.get('clock')) as string | undefined;
  let last = saved;
  const node = deviceId;
  return {
    deviceId,
    identity,
    stamp(atLeast) {
      last = nextHlc(node, now(), last, atLeast);
      return last;
    },
    observe(stamp) {
      last = receiveHlc(node, now(), last, stamp);
    },
    async save() {
      if (last !== saved && last !== undefined) await meta.put(last, 'clock');
    },
  };
}
