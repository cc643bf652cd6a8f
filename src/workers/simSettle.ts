/**
 * How the simulator's scheduler waits for woken code (src/sim/scheduler.ts), where it runs:
 * `settle`, a macrotask turn (setImmediate in Node; a MessageChannel message in a worker or the
 * page, since a nested setTimeout(0) waits at least 4 ms there), and `drain`, the microtask
 * queue run dry (process.nextTick fires after it in Node; elsewhere a macrotask turn too).
 */
type Wait = () => Promise<void>;

const platform = globalThis as unknown as {
  process?: { nextTick?: (callback: () => void) => void };
  setImmediate?: (callback: () => void) => void;
  MessageChannel?: typeof MessageChannel;
};

function channelTurn(): Wait {
  const waiting: (() => void)[] = [];
  const channel = new platform.MessageChannel!();
  channel.port1.onmessage = () => waiting.shift()?.();
  return () => new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

const immediate = platform.setImmediate;
export const settle: Wait = immediate
  ? () => new Promise<void>((resolve) => immediate(resolve))
  : platform.MessageChannel ? channelTurn() : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const nextTick = platform.process?.nextTick;
export const drain: Wait = nextTick ? () => new Promise<void>((resolve) => nextTick(resolve)) : settle;

/** What every simulator caller passes: the platform's settle and drain. */
export const simWaits = { settle, drain };
