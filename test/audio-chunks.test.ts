import { describe, expect, it } from 'vitest';
import { AudioChunker } from '../src/services/media.js';
import type { AudioChunk } from '../src/services/media.js';

const target = { sessionId: 's', roomName: 'r', participantIdentity: 'p', trackSid: 'TR_a', follows: false };

/** Pushes 10 ms frames of 48 kHz mono stamped by `stampUs(i)`; returns the chunks' timestamps. */
function chunkTimes(frames: number, stampUs: (i: number) => number): number[] {
  const chunks: AudioChunk[] = [];
  const chunker = new AudioChunker(target, { sampleRate: 48_000, channels: 1, chunkMs: 20 }, (chunk) => chunks.push(chunk));
  for (let i = 0; i < frames; i++) {
    chunker.push({ data: new Int16Array(480), sampleRate: 48_000, channels: 1, samplesPerChannel: 480, timestampUs: stampUs(i) });
  }
  chunker.close();
  return chunks.map((c) => c.timestampUs);
}

describe('AudioChunker', () => {
  it('keeps chunks on the feed clock when its stamps move by less than a step at a time', () => {
    // The feed's clock moves 1 ms ahead every 10 frames (what the jitter buffer skipped, in small
    // pieces): after 2 s the media is 20 ms later than its sample count says.
    const stamp = (i: number) => i * 10_000 + Math.floor(i / 10) * 1_000;
    const times = chunkTimes(200, stamp);
    const last = times.length - 1;
    // Chunk k starts with frame 2k.
    expect(Math.abs(times[last] - stamp(2 * last))).toBeLessThanOrEqual(2_000);
    // Steps within the chunks follow it in a few pieces, not one per frame.
    expect(times.slice(1).every((t, k) => t - times[k] >= 20_000 && t - times[k] <= 23_000)).toBe(true);
  });

  it('starts the next chunk where the feed clock stepped ahead, and drops what overlaps when it stepped back', () => {
    const ahead = chunkTimes(20, (i) => i * 10_000 + (i >= 10 ? 30_000 : 0));
    expect(ahead[5]).toBe(100_000 + 30_000);
    const back = chunkTimes(20, (i) => i * 10_000 - (i >= 10 ? 30_000 : 0));
    // Frames 10-12 hold media of 70-100 ms again: dropped, the chunks go on from 100 ms.
    expect(back.slice(1).every((t, k) => t - back[k] === 20_000)).toBe(true);
    expect(back).toHaveLength(8);
  });
});
