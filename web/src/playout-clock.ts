import { microsToMillis } from './bigint';

/**
 * Maps the session clock (timestampUs of frames and audio chunks) to performance.now(), a little
 * in the future, so that picture and sound of a participant are presented at the same instant.
 * Both media take the same map; when one of them arrives late, the map moves later for both.
 */
export class PlayoutClock {
  private offsetMs: number | undefined;

  constructor(
    private readonly delayMs = 150,
    private readonly maxDelayMs = 1_500,
  ) {}

  /** performance.now() at which media stamped `timestampUs` should be seen or heard. */
  due(timestampUs: string): number {
    const mediaMs = microsToMillis(timestampUs);
    const now = performance.now();
    const wanted = now - mediaMs + this.delayMs;
    if (this.offsetMs === undefined) this.offsetMs = wanted;
    const due = mediaMs + this.offsetMs;
    if (due < now) {
      // Late: wait a little longer for everything, or start over after a gap (a reconnect).
      this.offsetMs = now - due > this.maxDelayMs ? wanted : this.offsetMs + (now - due) + 20;
    } else if (due > now + this.maxDelayMs * 2) {
      this.offsetMs = wanted;
    }
    return mediaMs + this.offsetMs;
  }
}
