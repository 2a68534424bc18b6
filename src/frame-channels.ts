import { Repeater } from '@repeaterjs/repeater';

/** What a subscriber's buffer hands out next; `undefined` means the stream has ended. */
interface Channel<T> {
  next(): Promise<T | undefined>;
  end(): void;
}

/**
 * Holds only the newest frame for a subscriber: a slow reader skips frames (counted in `dropped`)
 * and never makes the server hold more than one frame for it.
 */
export class LatestFrameChannel<T> implements Channel<T> {
  private pending: T | undefined;
  private waiter: ((value: T | undefined) => void) | undefined;
  private ended = false;
  dropped = 0;
  delivered = 0;

  push(value: T): void {
    if (this.ended) return;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      this.delivered++;
      waiter(value);
      return;
    }
    if (this.pending !== undefined) this.dropped++;
    this.pending = value;
  }

  next(): Promise<T | undefined> {
    if (this.pending !== undefined) {
      const value = this.pending;
      this.pending = undefined;
      this.delivered++;
      return Promise.resolve(value);
    }
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** Ends the stream once the pending frame is taken. */
  end(): void {
    this.ended = true;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter(undefined);
    }
  }
}

/**
 * A bounded FIFO for audio: when a slow reader falls `capacity` chunks behind, the oldest are
 * dropped and their samples reported with the next chunk delivered.
 */
export class BoundedAudioChannel<T extends { samplesPerChannel: number; droppedSamples: number }> implements Channel<T> {
  private readonly queue: T[] = [];
  private waiter: ((value: T | undefined) => void) | undefined;
  private ended = false;
  private droppedSinceLast = 0;
  droppedTotal = 0;

  constructor(private readonly capacity: number) {}

  push(value: T): void {
    if (this.ended) return;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter(this.stamp(value));
      return;
    }
    this.queue.push(value);
    while (this.queue.length > this.capacity) {
      const dropped = this.queue.shift()!;
      this.droppedSinceLast += dropped.samplesPerChannel;
      this.droppedTotal += dropped.samplesPerChannel;
    }
  }

  next(): Promise<T | undefined> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve(this.stamp(value));
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiter = resolve));
  }

  end(): void {
    this.ended = true;
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter(undefined);
    }
  }

  private stamp(value: T): T {
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
