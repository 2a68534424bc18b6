import { Repeater } from '@repeaterjs/repeater';

/** A subscriber's buffer: `next()` resolves with what it holds, or waits; `undefined` means ended. */
abstract class Channel<T> {
  private waiter: ((value: T | undefined) => void) | undefined;
  private ended = false;

  /** Takes the value to hand out now, if any. */
  protected abstract take(): T | undefined;
  /** Keeps a value nobody is waiting for. */
  protected abstract keep(value: T): void;

  push(value: T): void {
    if (this.ended) return;
    const waiter = this.waiter;
    if (!waiter) return this.keep(value);
    this.waiter = undefined;
    this.keep(value);
    waiter(this.take());
  }

  next(): Promise<T | undefined> {
    const value = this.take();
    if (value !== undefined || this.ended) return Promise.resolve(value);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** Ends the stream once what is held has been taken. */
  end(): void {
    this.ended = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(undefined);
  }
}

/**
 * Holds only the newest frame for a subscriber: a slow reader skips frames (counted in `dropped`)
 * and never makes the server hold more than one frame for it.
 */
export class LatestFrameChannel<T> extends Channel<T> {
  private pending: T | undefined;
  dropped = 0;

  protected keep(value: T): void {
    if (this.pending !== undefined) this.dropped++;
    this.pending = value;
  }

  protected take(): T | undefined {
    const value = this.pending;
    this.pending = undefined;
    return value;
  }
}

/**
 * A bounded FIFO for audio: when a slow reader falls `capacity` chunks behind, the oldest are
 * dropped and their samples reported with the next chunk delivered.
 */
export class BoundedAudioChannel<T extends { samplesPerChannel: number; droppedSamples: number }> extends Channel<T> {
  private readonly queue: T[] = [];
  private droppedSinceLast = 0;
  droppedTotal = 0;

  constructor(private readonly capacity: number) {
    super();
  }

  protected keep(value: T): void {
    this.queue.push(value);
    while (this.queue.length > this.capacity) {
      const dropped = this.queue.shift()!;
      this.droppedSinceLast += dropped.samplesPerChannel;
      this.droppedTotal += dropped.samplesPerChannel;
    }
  }

  protected take(): T | undefined {
    const value = this.queue.shift();
    if (value === undefined) return undefined;
    const droppedSamples = this.droppedSinceLast;
    this.droppedSinceLast = 0;
    return { ...value, droppedSamples };
  }
}

/**
 * Turns a channel into the async iterator a subscription returns. Values are pulled one at a time
 * (graphql-ws asks for the next one only after the previous was written to the socket), and a
 * client that unsubscribes stops it at once, even while it waits for a frame.
 */
export function iterate<T, Out>(
  source: () => Promise<T | undefined>,
  expand: (value: T) => Out[],
  release: () => void,
): AsyncIterableIterator<Out> {
  return new Repeater<Out>(async (push, stop) => {
    let stopped = false;
    const stopping = stop.then(() => {
      stopped = true;
      return undefined;
    });
    try {
      for (;;) {
        const value = await Promise.race([source(), stopping]);
        if (value === undefined || stopped) break;
        for (const out of expand(value)) {
          await Promise.race([push(out), stopping]);
          if (stopped) break;
        }
        if (stopped) break;
      }
    } finally {
      release();
    }
    stop();
  });
}
