// Work that can wait until the typed character is on screen: it runs after the next frame is
// painted (a message posted from requestAnimationFrame runs once the frame's rendering is done).
// One frame callback and one message serve everything waiting, however many wait.
import { useLayoutEffect, useState } from 'preact/hooks';

let waiting: Array<() => void> = [];
let channel: MessageChannel | null = null;

function runWaiting(): void {
  const now = waiting;
  waiting = [];
  for (const callback of now) callback();
}

/** Runs `callback` after the next frame; returns how to cancel it. */
export function afterNextFrame(callback: () => void): () => void {
  let cancelled = false;
  const run = () => {
    if (!cancelled) callback();
  };
  if (waiting.push(run) === 1) {
    requestAnimationFrame(() => {
      // A message task, not a timeout: timeouts may be clamped, or run before the frame is painted.
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = runWaiting;
        // Node (unit tests): a port left open would keep the process alive.
        (channel.port1 as { unref?: () => void }).unref?.();
      }
      channel.port2.postMessage(null);
    });
  }
  return () => {
    cancelled = true;
  };
}

/** `value` as it was at the last frame: a change reaches the caller after the frame that shows it. */
export function useAfterFrame<T>(value: T): T {
  const [shown, setShown] = useState(value);
  // A layout effect, not an effect: the wait starts in the task that rendered the change and joins
  // the others waiting for that frame. An effect would start it only after that frame was painted,
  // and its own update would need a frame more.
  useLayoutEffect(() => (shown === value ? undefined : afterNextFrame(() => setShown(() => value))), [value, shown]);
  return shown;
}
