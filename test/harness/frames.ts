import type { Collected } from './graphql.js';

export interface ChunkLike {
  seq: number;
  chunkIndex: number;
  chunkCount: number;
  data: string;
  width: number;
  height: number;
  timestampUs: string;
  trackSid: string;
}

/** Reassembles consecutive chunks into whole frames; throws if a frame's chunks are out of order. */
export function reassemble(chunks: ChunkLike[]): { seq: number; width: number; height: number; timestampUs: number; trackSid: string; data: Buffer }[] {
  const frames = [];
  let parts: Buffer[] = [];
  for (const chunk of chunks) {
    if (chunk.chunkIndex !== parts.length) {
      if (chunk.chunkIndex !== 0) throw new Error(`chunk ${chunk.chunkIndex} of frame ${chunk.seq} after ${parts.length} parts`);
      parts = [];
    }
    parts.push(Buffer.from(chunk.data, 'base64'));
    if (parts.length === chunk.chunkCount) {
      frames.push({ seq: chunk.seq, width: chunk.width, height: chunk.height, timestampUs: Number(chunk.timestampUs), trackSid: chunk.trackSid, data: Buffer.concat(parts) });
      parts = [];
    }
  }
  return frames;
}

export async function waitForChunks<T>(collected: Collected<T>, count: number, timeoutMs = 20_000): Promise<void> {
  await collected.waitFor(() => collected.values.length >= count, timeoutMs, `${count} chunks`);
}
