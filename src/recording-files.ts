import { closeSync, mkdirSync, openSync, realpathSync, writeSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';

const MAX_COMPONENT = 64;

/**
 * A name from outside (room, participant identity) as one safe path component: letters, digits,
 * dot, dash and underscore only, never "." or "..", bounded in length.
 */
export function safeComponent(untrusted: string): string {
  const ascii = untrusted
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, MAX_COMPONENT)
    .replace(/[.]+$/, '');
  return ascii.length > 0 ? ascii : 'unnamed';
}

function timestamp(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/** True when `path` is `root` or below it, after resolving links. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(realpathSync(root), realpathSync(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Creates `<root>/<room>/<YYYYMMDD-HHMMSS>-<participant>/` (0700), unique even when two names sanitize
 * alike (a numeric suffix), and always inside root.
 */
export function createRecordingFolder(root: string, roomName: string, participantIdentity: string, startedAt: Date): string {
  const roomFolder = join(root, safeComponent(roomName));
  // Recordings are private to this user: 0700 folders also keep out ffmpeg's files, made with its default mode.
  mkdirSync(roomFolder, { recursive: true, mode: 0o700 });
  const base = `${timestamp(startedAt)}-${safeComponent(participantIdentity)}`;
  for (let attempt = 1; attempt < 1000; attempt++) {
    const folder = join(roomFolder, attempt === 1 ? base : `${base}-${attempt}`);
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    if (!isInside(root, folder)) throw new Error('recording folder would leave the recording directory');
    return folder;
  }
  throw new Error('too many recordings with the same name and second');
}

const HEADER_BYTES = 44;

/**
 * A WAV file (PCM s16le) whose header is valid at all times: the sizes are rewritten every second
 * and at close, so a file cut off by a crash plays up to the last rewrite and a bit more.
 */
export class WavWriter {
  private readonly fd: number;
  private dataBytes = 0;
  private lastHeader = 0;
  private closed = false;

  constructor(
    readonly path: string,
    readonly sampleRate: number,
    readonly channels: number,
  ) {
    this.fd = openSync(path, 'w', 0o600);
    this.writeHeader();
  }

  get samplesPerChannel(): number {
    return this.dataBytes / 2 / this.channels;
  }

  /** Appends interleaved samples; throws on a write error such as a full disk. */
  write(samples: Int16Array): void {
    if (this.closed) return;
    const bytes = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
    writeSync(this.fd, bytes, 0, bytes.length, HEADER_BYTES + this.dataBytes);
    this.dataBytes += bytes.length;
    if (Date.now() - this.lastHeader >= 1000) this.writeHeader();
  }

  silence(samplesPerChannel: number): void {
    const chunk = 4800;
    for (let left = samplesPerChannel; left > 0; left -= chunk) {
      this.write(new Int16Array(Math.min(chunk, left) * this.channels));
    }
  }

  close(): void {
    if (this.closed) return;
    try {
      this.writeHeader();
    } finally {
      this.closed = true;
      closeSync(this.fd);
    }
  }

  private writeHeader(): void {
    const header = Buffer.alloc(HEADER_BYTES);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(36 + this.dataBytes, 4);
    header.write('WAVE', 8, 'ascii');
    header.write('fmt ', 12, 'ascii');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(this.channels, 22);
    header.writeUInt32LE(this.sampleRate, 24);
    header.writeUInt32LE(this.sampleRate * this.channels * 2, 28);
    header.writeUInt16LE(this.channels * 2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'ascii');
    header.writeUInt32LE(this.dataBytes, 40);
    writeSync(this.fd, header, 0, HEADER_BYTES, 0);
    this.lastHeader = Date.now();
  }
}

/** Nearest-neighbour resize of an I420 picture, for the rare frame whose size changed mid-recording. */
export function resizeI420(data: Uint8Array, width: number, height: number, toWidth: number, toHeight: number): Uint8Array {
  const out = new Uint8Array(toWidth * toHeight + 2 * ((toWidth + 1) >> 1) * ((toHeight + 1) >> 1));
  const plane = (srcOffset: number, sw: number, sh: number, dstOffset: number, dw: number, dh: number) => {
    for (let y = 0; y < dh; y++) {
      const sy = Math.min(sh - 1, Math.floor((y * sh) / dh));
      for (let x = 0; x < dw; x++) out[dstOffset + y * dw + x] = data[srcOffset + sy * sw + Math.min(sw - 1, Math.floor((x * sw) / dw))];
    }
  };
  const cw = (width + 1) >> 1;
  const ch = (height + 1) >> 1;
  const dcw = (toWidth + 1) >> 1;
  const dch = (toHeight + 1) >> 1;
  plane(0, width, height, 0, toWidth, toHeight);
  plane(width * height, cw, ch, toWidth * toHeight, dcw, dch);
  plane(width * height + cw * ch, cw, ch, toWidth * toHeight + dcw * dch, dcw, dch);
  return out;
}
