import { Transform, type TransformCallback } from 'node:stream';

/**
 * A token bucket shared by every upload: at most `bytesPerSec` on average, with bursts of one
 * second's worth. Pure apart from the clock it is given.
 */
export class RateLimit {
  private tokens: number;
  private lastMs: number;

  constructor(
    readonly bytesPerSec: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = bytesPerSec;
    this.lastMs = now();
  }

  /** Takes `bytes`; the ms to wait before sending them (0: at once). */
  take(bytes: number): number {
    const nowMs = this.now();
    this.tokens = Math.min(this.bytesPerSec, this.tokens + ((nowMs - this.lastMs) * this.bytesPerSec) / 1000);
    this.lastMs = nowMs;
    this.tokens -= bytes;
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.bytesPerSec;
  }

  /** A stream that passes bytes on no faster than the limit allows. */
  stream(): Transform {
    const limit = this;
    return new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        const waitMs = limit.take(chunk.length);
        if (waitMs <= 0) return done(null, chunk);
        setTimeout(() => done(null, chunk), waitMs);
      },
    });
  }
}
