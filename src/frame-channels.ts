/** A subscriber's buffer: `next()` resolves with what it holds, or waits; `undefined` means ended. */
abstract class Channel<T> {
  private waiter: ((value: T | undefined) => void) | undefined;
  private ended = false;
  /** Why the stream ended, when it ended for a reason other than its source finishing. */
  failure: Error | undefined;

  /** Takes the value to hand out now, if any. */
  protected abstract take(): T | undefined;
  /** Keeps a value nobody is waiting for. */
  protected abstract keep(value: T): void;
  /** Lets go of whatever is held. */
  protected abstract clear(): void;

  get isEnded(): boolean {
    return this.ended;
  }

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

  /** Ends the stream once what is held has been taken; with `failure`, the reader is told why. */
  end(failure?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = failure;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(undefined);
  }

  /** Ends the stream now, dropping what is held. */
  discard(): void {
    this.end();
    this.clear();
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

  protected clear(): void {
    this.pending = undefined;
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

  protected clear(): void {
    this.queue.length = 0;
  }
}

export interface PullStreamOptions<T, Out> {
  channel: Channel<T>;
  /** Takes the stream's resources (feed, rendition, encoder); called on the first pull only. */
  acquire: () => void;
  /** Lets them go; called exactly once, however the stream ends, and only after `acquire`. */
  release: () => void;
  /** What one buffered value becomes for the client (a frame may become several chunks). */
  expand: (value: T) => Out[];
  /** The last item of a stream that ended for a reason other than its source finishing. */
  failed: (failure: Error) => Out;
}

/**
 * The async iterator a media subscription returns. Values are pulled one at a time (graphql-ws asks
 * for the next one only after the previous was written to the socket). Resources are taken on the
 * first pull, because graphql-ws calls `return()` without any pull when a client cancels at once,
 * and released in one place on every path. Nothing handed out is kept, and no read is raced against
 * a promise that outlives it (each such race would keep its value alive until that promise settles).
 */
export class PullStream<T, Out> implements AsyncIterableIterator<Out> {
  private state: 'idle' | 'open' | 'closed' = 'idle';
  private queue: Out[] = [];

  constructor(private readonly options: PullStreamOptions<T, Out>) {}

  get isClosed(): boolean {
    return this.state === 'closed';
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<Out>> {
    if (this.state === 'idle') {
      this.state = 'open';
      try {
        this.options.acquire();
      } catch (error) {
        this.close();
        return { value: this.options.failed(error instanceof Error ? error : new Error(String(error))), done: false };
      }
    }
    for (;;) {
      const queued = this.queue.shift();
      if (queued !== undefined) return { value: queued, done: false };
      if (this.state === 'closed') return { value: undefined, done: true };
      const value = await this.options.channel.next();
      if (this.isClosed) return { value: undefined, done: true };
      if (value === undefined) {
        const failure = this.options.channel.failure;
        this.close();
        if (failure) return { value: this.options.failed(failure), done: false };
        return { value: undefined, done: true };
      }
      this.queue = this.options.expand(value);
    }
  }

  async return(): Promise<IteratorResult<Out>> {
    this.close();
    return { value: undefined, done: true };
  }

  async throw(): Promise<IteratorResult<Out>> {
    this.close();
    return { value: undefined, done: true };
  }

  private close(): void {
    if (this.state === 'closed') return;
    const acquired = this.state === 'open';
    this.state = 'closed';
    this.queue = [];
    this.options.channel.discard();
    if (acquired) this.options.release();
  }
}
