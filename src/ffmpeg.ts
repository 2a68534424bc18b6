import { execFileSync, spawn, type ChildProcessByStdio, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { setPriority } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { createRequire } from 'node:module';
import { rm, writeFile } from 'node:fs/promises';
import ffmpeg from 'fluent-ffmpeg';

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
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH;
  cachedFfmpeg ??= onPath('ffmpeg') || shipped('@ffmpeg-installer/ffmpeg');
  if (!cachedFfmpeg) throw new Error('ffmpeg not found: set FFMPEG_PATH, install ffmpeg, or run npm install');
  return cachedFfmpeg;
}

/** FFPROBE_PATH, else ffprobe on PATH, else the binary shipped with @ffprobe-installer/ffprobe. */
export function ffprobePath(): string {
  if (process.env.FFPROBE_PATH) return process.env.FFPROBE_PATH;
  cachedFfprobe ??= onPath('ffprobe') || shipped('@ffprobe-installer/ffprobe');
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
  /** One-off work (a snapshot): ffmpeg runs at a lower CPU priority than live streams and recordings. */
  background?: boolean;
}

/** The nice value of background encodes: a burst of them leaves the CPU to live media first. */
const BACKGROUND_NICE = 10;

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
  private chunks: Buffer[] = [];
  private bufferedBytes = 0;
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
      // Its own process group: a terminal's Ctrl-C reaches haven-live, which decides when encoders end.
      { stdio: ['pipe', 'pipe', 'pipe'], detached: true },
    );
    if (options.background && this.child.pid !== undefined) {
      try {
        setPriority(this.child.pid, BACKGROUND_NICE);
      } catch {
        // Not allowed here (or it exited at once): it runs at normal priority.
      }
    }
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
    // Chunks are kept as they come and joined once per frame: joining on every 64 KiB pipe read
    // would copy a large raw frame over and over.
    this.chunks.push(chunk);
    this.bufferedBytes += chunk.length;
    for (;;) {
      let end: number;
      if (this.options.format === 'JPEG') {
        // An end marker may straddle two reads: search from one byte before the newest chunk.
        const from = Math.max(0, this.bufferedBytes - chunk.length - 1);
        const joined = this.join();
        const marker = joined.indexOf(JPEG_END, from);
        if (marker < 0) return;
        end = marker + 2;
      } else {
        if (this.bufferedBytes < this.frameBytes) return;
        end = this.frameBytes;
      }
      const joined = this.join();
      const frame = Buffer.from(joined.subarray(0, end));
      const rest = joined.subarray(end);
      this.chunks = rest.length ? [rest] : [];
      this.bufferedBytes = rest.length;
      chunk = rest;
      const meta = this.pending.shift();
      if (meta !== undefined) this.onFrame(frame, meta);
    }
  }

  private join(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.bufferedBytes)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }
}

export const RECORDING_FPS = 30;

/**
 * ffmpeg writing raw I420 frames from stdin as H.264 into a fragmented MP4: a fragment per
 * keyframe (every 2 s), so a file cut off by a crash still plays up to its last fragment.
 */
export class VideoFileEncoder {
  private readonly child: ChildProcessByStdio<Writable, null, Readable>;
  private stderr = '';
  private exited = false;
  readonly done: Promise<Error | null>;
  readonly frameBytes: number;

  constructor(
    readonly path: string,
    readonly width: number,
    readonly height: number,
  ) {
    this.frameBytes = width * height + 2 * ((width + 1) >> 1) * ((height + 1) >> 1);
    this.child = spawn(
      ffmpegPath(),
      [
        '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
        '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${width}x${height}`, '-r', String(RECORDING_FPS), '-i', 'pipe:0',
        // libx264 needs even sides.
        '-vf', 'pad=ceil(iw/2)*2:ceil(ih/2)*2',
        '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', String(RECORDING_FPS * 2),
        '-movflags', '+frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4', path,
      ],
      // Its own process group: Ctrl-C or `systemctl stop` signal the whole group, and a recording
      // must be finished by haven-live (end of input), not cut off by the signal.
      { stdio: ['pipe', 'ignore', 'pipe'], detached: true },
    );
    this.child.stdin.on('error', () => undefined);
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4000) this.stderr += chunk.toString();
    });
    this.done = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.exited = true;
        resolve(new Error(`ffmpeg could not start: ${error.message}`));
      });
      this.child.once('exit', (code, signal) => {
        this.exited = true;
        resolve(code === 0 ? null : new Error(`ffmpeg ${signal ? `was killed (${signal})` : `exited with ${code}`}: ${this.stderr.trim() || 'no message'}`));
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.exited;
  }

  /** Bytes written to ffmpeg and not yet taken by it. */
  get backlog(): number {
    return this.child.stdin.writableLength;
  }

  write(i420: Uint8Array): void {
    if (!this.exited) this.child.stdin.write(i420);
  }

  /** Resolves once ffmpeg has taken what was written (or has exited). */
  async drained(): Promise<void> {
    if (this.exited || !this.child.stdin.writableNeedDrain) return;
    await Promise.race([once(this.child.stdin, 'drain').catch(() => undefined), this.done]);
  }

  /** Ends the input and waits for ffmpeg to finish the file (killed after timeoutMs). */
  async finish(timeoutMs = 15_000): Promise<Error | null> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const result = await this.done;
    clearTimeout(timer);
    return result;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

export interface ProbedFile {
  durationSec: number | null;
  codec: string | null;
  width: number | null;
  height: number | null;
}

function configured(): typeof ffmpeg {
  ffmpeg.setFfmpegPath(ffmpegPath());
  ffmpeg.setFfprobePath(ffprobePath());
  return ffmpeg;
}

/** What ffprobe reads from a media file: its duration and first stream's codec and size. */
export function probe(path: string): Promise<ProbedFile> {
  return new Promise((resolve, reject) => {
    configured().ffprobe(path, (error: Error | null, data) => {
      if (error) return reject(error);
      const video = data.streams.find((stream) => stream.codec_type === 'video');
      const stream = video ?? data.streams[0];
      const duration = Number(data.format.duration);
      resolve({
        durationSec: Number.isFinite(duration) ? duration : null,
        codec: stream?.codec_name ?? null,
        width: video?.width ?? null,
        height: video?.height ?? null,
      });
    });
  });
}

/** Muxes the H.264 video and the WAV audio into one MP4 (video copied, audio to AAC), the video starting `videoOffsetSec` in. */
export function combine(videoPath: string | null, audioPath: string | null, outputPath: string, videoOffsetSec = 0): Promise<void> {
  return new Promise((resolve, reject) => {
    const command = configured()();
    if (videoPath) {
      command.input(videoPath);
      // The video file's first frame is this long after the audio file's first sample.
      if (videoOffsetSec > 0) command.inputOptions(['-itsoffset', videoOffsetSec.toFixed(6)]);
    }
    if (audioPath) command.input(audioPath);
    const options = ['-movflags', '+faststart'];
    if (videoPath) options.push('-c:v', 'copy');
    if (audioPath) options.push('-c:a', 'aac', '-b:a', '128k');
    runTo(command, options, outputPath).then(resolve, reject);
  });
}

/** Runs a fluent-ffmpeg command into `outputPath` with `options`; resolves when it ends. */
function runTo(command: ffmpeg.FfmpegCommand, options: string[], outputPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    command
      .outputOptions(options)
      .output(outputPath)
      .on('error', (error: Error) => reject(error))
      .on('end', () => resolve())
      .run();
  });
}

/**
 * Puts what the media tap wrote into a container a browser plays, copying the packets: IVF (VP8,
 * VP9, H.264) and Ogg (Opus) into WebM, or into MP4 for H.264; every frame keeps its time.
 */
export function remux(inputPath: string, outputPath: string): Promise<void> {
  const options = ['-c', 'copy'];
  if (outputPath.endsWith('.mp4')) options.push('-movflags', '+faststart');
  return runTo(configured()().input(inputPath), options, outputPath);
}

/**
 * Joins the parts of one track the media tap wrote (the tap was started again, or the track was
 * published again) into one file, copying the packets: each part's first packet lands `atSec` after
 * the first part's, or right after the part before it when they would overlap. Parts are of one codec.
 */
export async function concatCopy(parts: { path: string; atSec: number }[], outputPath: string): Promise<void> {
  const timings = await Promise.all(parts.map((part) => timing(part.path)));
  // The concat demuxer starts each part where the one before ends (its `duration`), at the part's
  // container start time; a part's first packet may be before that (Opus pre-skip).
  const lead = timings.map((t) => t.firstSec - t.startSec);
  let at = 0;
  const lines = ['ffconcat version 1.0'];
  parts.forEach((part, index) => {
    lines.push(`file '${part.path.replaceAll("'", "'\\''")}'`);
    const next = parts[index + 1];
    if (!next) return;
    const wanted = next.atSec - parts[0]!.atSec + lead[0]! - lead[index + 1]! - at;
    const duration = Math.max(wanted, timings[index]!.durationSec);
    lines.push(`duration ${duration.toFixed(6)}`);
    at += duration;
  });
  const list = `${outputPath}.concat.txt`;
  await writeFile(list, `${lines.join('\n')}\n`);
  const options = ['-c', 'copy'];
  if (outputPath.endsWith('.mp4')) options.push('-movflags', '+faststart');
  try {
    await runTo(configured()().input(list).inputOptions(['-f', 'concat', '-safe', '0']), options, outputPath);
  } finally {
    await rm(list, { force: true });
  }
}

/** A file's container start time, its first packet's time and its length (s). */
function timing(path: string): Promise<{ startSec: number; firstSec: number; durationSec: number }> {
  return new Promise((resolve, reject) => {
    configured().ffprobe(path, (error: Error | null, data) => {
      if (error) return reject(error);
      const number = (value: unknown) => (Number.isFinite(Number(value)) ? Number(value) : 0);
      const startSec = number(data.format.start_time);
      resolve({ startSec, firstSec: number(data.streams[0]?.start_time ?? startSec), durationSec: number(data.format.duration) });
    });
  });
}

/** When a file's first packet is (s): an Opus file remuxed from Ogg starts before 0 by its pre-skip. */
export function startTimeSec(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    configured().ffprobe(path, (error: Error | null, data) => {
      if (error) return reject(error);
      const start = Number(data.streams[0]?.start_time ?? data.format.start_time);
      resolve(Number.isFinite(start) ? start : 0);
    });
  });
}

/**
 * Muxes a passthrough recording's video and audio files into one, copying both (WebM for VP8/VP9,
 * MP4 for H.264 with its Opus audio); `videoOffsetSec` is where the video's first packet is against
 * the audio's (negative: the audio starts later), whatever time each file gives its first packet.
 */
export async function combineCopy(videoPath: string | null, audioPath: string | null, outputPath: string, firstPacketsOffsetSec = 0): Promise<void> {
  const videoOffsetSec = videoPath && audioPath ? firstPacketsOffsetSec - (await startTimeSec(videoPath)) + (await startTimeSec(audioPath)) : 0;
  const command = configured()();
  if (videoPath) {
    command.input(videoPath);
    if (videoOffsetSec > 0) command.inputOptions(['-itsoffset', videoOffsetSec.toFixed(6)]);
  }
  if (audioPath) {
    command.input(audioPath);
    if (videoPath && videoOffsetSec < 0) command.inputOptions(['-itsoffset', (-videoOffsetSec).toFixed(6)]);
  }
  const options = ['-c', 'copy'];
  // Opus in MP4 is still marked experimental by this ffmpeg; browsers play it.
  if (outputPath.endsWith('.mp4')) options.push('-movflags', '+faststart', '-strict', 'experimental');
  return runTo(command, options, outputPath);
}

/**
 * Every picture of a video file, decoded and scaled to `width`x`height` (I420, one buffer), read
 * only while the file is small: for a file whose frames are tiny (a placeholder stream).
 */
export function decodeSmall(path: string, width = 32, height = 18): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ['-v', 'error', '-nostdin', '-i', path, '-vf', `scale=${width}:${height}`, '-pix_fmt', 'yuv420p', '-f', 'rawvideo', 'pipe:1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`ffmpeg could not decode ${path}: ${stderr.trim().slice(0, 200)}`))));
  });
}
