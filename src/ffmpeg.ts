import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function onPath(name: string): string | undefined {
  try {
    execFileSync(name, ['-version'], { stdio: 'ignore', timeout: 10_000 });
    return name;
  } catch {
    return undefined;
  }
}

function shipped(packageName: string): string | undefined {
  try {
    return (require(packageName) as { path: string }).path;
  } catch {
    return undefined;
  }
}

let cachedFfmpeg: string | undefined;
let cachedFfprobe: string | undefined;

/** FFMPEG_PATH, else ffmpeg on PATH, else the binary shipped with @ffmpeg-installer/ffmpeg. */
export function ffmpegPath(): string {
  cachedFfmpeg ??= process.env.FFMPEG_PATH || onPath('ffmpeg') || shipped('@ffmpeg-installer/ffmpeg');
  if (!cachedFfmpeg) throw new Error('ffmpeg not found: set FFMPEG_PATH, install ffmpeg, or run npm install');
  return cachedFfmpeg;
}

/** FFPROBE_PATH, else ffprobe on PATH, else the binary shipped with @ffprobe-installer/ffprobe. */
export function ffprobePath(): string {
  cachedFfprobe ??= process.env.FFPROBE_PATH || onPath('ffprobe') || shipped('@ffprobe-installer/ffprobe');
  if (!cachedFfprobe) throw new Error('ffprobe not found: set FFPROBE_PATH, install ffprobe, or run npm install');
  return cachedFfprobe;
}

export type EncodedFormat = 'JPEG' | 'I420' | 'RGBA';

export interface FrameEncoderOptions {
  inputWidth: number;
  inputHeight: number;
  outputWidth: number;
  outputHeight: number;
  format: EncodedFormat;
  /** JPEG quality 1-100. */
  quality: number;
  /** Frames handed to ffmpeg and not yet back; past this, encode() refuses (the caller drops). */
  maxPending?: number;
}

const JPEG_END = Buffer.from([0xff, 0xd9]);

/** libjpeg-style quality 1-100 to ffmpeg's mjpeg qscale 31-2. */
export function jpegQscale(quality: number): number {
  return Math.round(31 - ((quality - 1) * 29) / 99);
}

/**
 * A long-lived ffmpeg that turns raw I420 frames on stdin into JPEG or raw frames on stdout, off
 * the main thread: ffmpeg's mjpeg encoder from yuv420p costs a few ms per 720p frame, where
 * converting and encoding in-process blocks the event loop for 20 ms or more.
 */
export class FrameEncoder<Meta> {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Meta[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  private readonly frameBytes: number;
  private readonly maxPending: number;
  private closed = false;
  onFrame: (data: Buffer, meta: Meta) => void = () => undefined;
  onExit: (error: Error | null) => void = () => undefined;
  /** The start of what ffmpeg wrote to stderr, for error messages. */
  stderr = '';

  constructor(readonly options: FrameEncoderOptions) {
    this.maxPending = options.maxPending ?? 2;
    const { inputWidth, inputHeight, outputWidth, outputHeight, format } = options;
    this.frameBytes =
      format === 'RGBA' ? outputWidth * outputHeight * 4 : outputWidth * outputHeight + 2 * ((outputWidth + 1) >> 1) * ((outputHeight + 1) >> 1);
    const scale = inputWidth !== outputWidth || inputHeight !== outputHeight ? ['-vf', `scale=${outputWidth}:${outputHeight}`] : [];
    const output =
      format === 'JPEG'
        ? ['-c:v', 'mjpeg', '-q:v', String(jpegQscale(options.quality)), '-pix_fmt', 'yuvj420p', '-f', 'image2pipe']
        : ['-pix_fmt', format === 'RGBA' ? 'rgba' : 'yuv420p', '-f', 'rawvideo'];
    this.child = spawn(
      ffmpegPath(),
      [
        '-hide_banner', '-loglevel', 'error', '-nostdin',
        '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${inputWidth}x${inputHeight}`, '-r', '30', '-i', 'pipe:0',
        ...scale,
        // One thread and a flush per packet: frame threading would hold frames back.
        '-threads', '1', '-vsync', '0', '-flush_packets', '1',
        ...output,
        'pipe:1',
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4000) this.stderr += chunk.toString();
    });
    this.child.stdin.on('error', () => undefined);
    this.child.once('exit', (code, signal) => {
      const expected = this.closed;
      this.closed = true;
      this.onExit(expected ? null : new Error(`ffmpeg exited (${signal ?? code}): ${this.stderr.trim()}`));
    });
    this.child.once('error', (error) => {
      this.closed = true;
      this.onExit(error);
    });
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Queues a frame unless ffmpeg is behind; returns false when the frame was not taken. */
  encode(i420: Uint8Array, meta: Meta): boolean {
    if (this.closed || this.pending.length >= this.maxPending) return false;
    this.pending.push(meta);
    this.child.stdin.write(i420);
    return true;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.child.stdin.end();
    this.child.kill('SIGKILL');
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    for (;;) {
      let end: number;
      if (this.options.format === 'JPEG') {
        const marker = this.buffered.indexOf(JPEG_END);
        if (marker < 0) return;
        end = marker + 2;
      } else {
        if (this.buffered.length < this.frameBytes) return;
        end = this.frameBytes;
      }
      const frame = this.buffered.subarray(0, end);
      this.buffered = this.buffered.subarray(end);
      const meta = this.pending.shift();
      if (meta !== undefined) this.onFrame(Buffer.from(frame), meta);
    }
  }
}
