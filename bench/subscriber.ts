import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const VIDEO_FRAMES = `
  subscription BenchVideoFrames($roomName: String!, $participantIdentity: String, $options: VideoFramesOptions) {
    videoFrames(roomName: $roomName, participantIdentity: $participantIdentity, options: $options) {
      seq
      timestampUs
      width
      height
      format
      chunkIndex
      chunkCount
      data
    }
  }
`;

interface Chunk {
  seq: number;
  timestampUs: string | number;
  width: number;
  height: number;
  chunkIndex: number;
  chunkCount: number;
  data: string;
}

export interface ReceivedFrame {
  seq: number;
  timestampUs: number;
  /** process.hrtime.bigint() (ns, CLOCK_MONOTONIC) when the frame's last chunk arrived. */
  receivedNs: bigint;
}

export interface VideoFramesVariables {
  roomName: string;
  participantIdentity?: string;
  options?: { format?: 'JPEG' | 'I420' | 'RGBA'; maxWidth?: number; maxHeight?: number; maxFps?: number; quality?: number } | null;
}

/**
 * One videoFrames subscription on its own WebSocket, like one viewer. It keeps only seq, timestamp
 * and arrival time of each whole frame (not the pictures), so that the benchmark process stays small.
 */
export class FrameSubscriber {
  private socket: WebSocket | undefined;
  private readonly client: Client;
  private unsubscribe: () => void = () => undefined;
  private recording = false;
  private recorded: ReceivedFrame[] = [];
  private onFirst: (() => void) | undefined;
  readonly firstFrame: Promise<void>;
  framesTotal = 0;
  bytesTotal = 0;
  sizes = new Set<string>();
  errors: string[] = [];
  completed = false;

  constructor(
    baseUrl: string,
    private readonly variables: VideoFramesVariables,
  ) {
    // graphql-ws creates the socket itself; a subclass is the way to get hold of it for pause().
    const capture = (socket: WebSocket) => (this.socket = socket);
    class CapturedSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        capture(this);
      }
    }
    this.client = createClient({ url: `${baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: CapturedSocket, lazy: true, retryAttempts: 0 });
    this.firstFrame = new Promise((resolve) => (this.onFirst = resolve));
  }

  start(): this {
    this.unsubscribe = this.client.subscribe<{ videoFrames: Chunk }>(
      { query: VIDEO_FRAMES, variables: this.variables as unknown as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors?.length) return void this.errors.push(JSON.stringify(result.errors));
          const chunk = result.data?.videoFrames;
          if (!chunk) return;
          this.bytesTotal += chunk.data.length;
          if (chunk.chunkIndex !== chunk.chunkCount - 1) return;
          const receivedNs = process.hrtime.bigint();
          this.framesTotal++;
          this.sizes.add(`${chunk.width}x${chunk.height}`);
          if (this.recording) this.recorded.push({ seq: chunk.seq, timestampUs: Number(chunk.timestampUs), receivedNs });
          this.onFirst?.();
          this.onFirst = undefined;
        },
        error: (error) => this.errors.push(error instanceof Error ? error.message : JSON.stringify(error)),
        complete: () => (this.completed = true),
      },
    );
    return this;
  }

  startWindow(): void {
    this.recorded = [];
    this.recording = true;
  }

  endWindow(): ReceivedFrame[] {
    this.recording = false;
    return this.recorded;
  }

  /** Stops reading the socket (ws's pause(); pausing its net.Socket would not stop ws). */
  pause(): void {
    this.socket?.pause();
  }

  resume(): void {
    this.socket?.resume();
  }

  /** Unsubscribes and closes at once; a paused socket could not finish a close handshake. */
  close(): void {
    try {
      this.unsubscribe();
    } catch {
      // Already gone.
    }
    Promise.resolve(this.client.dispose()).catch(() => undefined);
    this.socket?.terminate();
  }
}

/** Frames between the first and last seq of a run that this subscriber never got. */
export function seqGaps(frames: ReceivedFrame[]): number {
  const seqs = [...new Set(frames.map((frame) => frame.seq))].sort((a, b) => a - b);
  return seqs.length < 2 ? 0 : seqs.at(-1)! - seqs[0] + 1 - seqs.length;
}
