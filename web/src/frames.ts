import { base64ToBytes } from './base64';

export interface FrameChunk {
  seq: number;
  chunkIndex: number;
  chunkCount: number;
  timestampUs: string;
  width: number;
  height: number;
  data: string;
}

export interface WholeFrame {
  seq: number;
  timestampUs: string;
  width: number;
  height: number;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Puts frames back together from their chunks (0..chunkCount-1 of one seq). A frame whose chunks
 * stop coming (the subscriber fell behind, the server skipped it) is dropped once a newer one is whole.
 */
export class FrameAssembler {
  private readonly pending = new Map<number, { parts: (Uint8Array | undefined)[]; received: number; first: FrameChunk }>();
  private lastWhole = -1;

  add(chunk: FrameChunk): WholeFrame | undefined {
    if (chunk.seq <= this.lastWhole) return undefined;
    if (chunk.chunkCount === 1) return this.complete(chunk.seq, chunk, [base64ToBytes(chunk.data)]);
    let entry = this.pending.get(chunk.seq);
    if (!entry) {
      entry = { parts: new Array(chunk.chunkCount), received: 0, first: chunk };
      this.pending.set(chunk.seq, entry);
    }
    if (entry.parts[chunk.chunkIndex] === undefined) {
      entry.parts[chunk.chunkIndex] = base64ToBytes(chunk.data);
      entry.received++;
    }
    if (entry.received < chunk.chunkCount) return undefined;
    return this.complete(chunk.seq, entry.first, entry.parts as Uint8Array[]);
  }

  private complete(seq: number, chunk: FrameChunk, parts: Uint8Array[]): WholeFrame {
    this.lastWhole = seq;
    for (const other of this.pending.keys()) if (other <= seq) this.pending.delete(other);
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    const bytes = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return { seq, timestampUs: chunk.timestampUs, width: chunk.width, height: chunk.height, bytes };
  }
}
