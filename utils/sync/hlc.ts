// A hybrid logical clock: stamps that follow wall time but never go backwards and always order
// after every stamp this device has seen, so "the later edit wins" holds even when one device's
// clock is behind. Stamps are strings that sort in time order: `<wall ms>-<counter>-<node>`.

export interface HlcParts {
  /** Milliseconds since the epoch (the largest wall time seen). */
  wall: number;
  /** Orders stamps within one millisecond. */
  counter: number;
  /** The device that made the stamp: breaks ties, so two devices never make equal stamps. */
  node: string;
}

const WALL_DIGITS = 15; // milliseconds until the year 33658
const COUNTER_DIGITS = 4; // base 36: 1,679,616 stamps per millisecond
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
const NODE = /^[a-z0-9]{1,32}$/;
const STAMP = /^(\d{15})-([0-9a-z]{4})-([a-z0-9]{1,32})$/;

export function formatHlc({ wall, counter, node }: HlcParts): string {
  if (!Number.isSafeInteger(wall) || wall < 0) throw new RangeError(`bad wall time ${wall}`);
  if (!NODE.test(node)) throw new RangeError(`bad node id "${node}"`);
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

export function parseHlc(stamp: string): HlcParts {
  const match = STAMP.exec(stamp);
  if (!match) throw new RangeError(`"${stamp}" is not a clock stamp`);
  return { wall: Number(match[1]), counter: parseInt(match[2]!, 36), node: match[3]! };
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && STAMP.test(value);
}

/** Orders stamps: negative when a is earlier. The fixed-width format makes it a string compare. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function laterHlc(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareHlc(a, b) >= 0 ? a : b;
}

/** The wall time of a stamp, for "updated at" displays. */
export function hlcTime(stamp: string): number {
  return parseHlc(stamp).wall;
}

/** The device part of a stamp. */
export function hlcNode(stamp: string): string {
  return parseHlc(stamp).node;
}

function advance(wall: number, counter: number, node: string, previous: HlcParts | null): string {
  if (previous && wall === previous.wall) counter = Math.max(counter, previous.counter + 1);
  if (counter > MAX_COUNTER) {
    // More stamps in one millisecond than the counter holds: borrow the next millisecond.
    wall += 1;
    counter = 0;
  }
  return formatHlc({ wall, counter, node });
}

/**
 * The stamp for a local change made now, after `last` (this device's latest stamp) and after
 * `atLeast` (e.g. the stamp of the text being replaced, which may come from another device).
 */
export function nextHlc(node: string, now: number, last?: string, atLeast?: string): string {
  const floor = laterHlc(last, atLeast);
  const previous = floor ? parseHlc(floor) : null;
  const wall = Math.max(Math.floor(now), previous?.wall ?? 0);
  return advance(wall, 0, node, previous);
}

/**
 * This device's clock after seeing a stamp from elsewhere: later than both. Returns the new
 * latest stamp to keep (it is not used for a change itself).
 */
export function receiveHlc(node: string, now: number, last: string | undefined, remote: string): string {
  const floor = laterHlc(last, remote)!;
  const previous = parseHlc(floor);
  const wall = Math.max(Math.floor(now), previous.wall);
  return advance(wall, 0, node, previous);
}

/** The stamp for a change made at a known wall time, e.g. drafts written before sync existed. */
export function hlcAt(wall: number, node: string, counter = 0): string {
  return formatHlc({ wall: Math.max(0, Math.floor(wall)), counter, node });
}

/** A device id: 12 random characters of [a-z0-9], as HLC node and in nothing that identifies a person. */
export function newDeviceId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(12));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
}
