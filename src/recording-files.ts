import { closeSync, ftruncateSync, mkdirSync, openSync, readSync, realpathSync, writeSync } from 'node:fs';
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
/** How long a two-channel input whose channels are identical may still turn out to be stereo. */
const STEREO_DECISION_SEC = 60;

export interface WavWriterOptions {
  /**
   * For two-channel input: write one channel while both carry the same samples (a mono track
   * decoded as stereo), and switch the file to two channels at the first sample where they differ
   * within the first minute (after that, the channels are mixed into one).
   */
  monoUntilStereo?: boolean;
}

/**
 * A WAV file (PCM s16le) whose header is valid at all times: the sizes are rewritten every second
 * and at close, so a file cut off by a crash plays up to the last rewrite and a bit more. The header
 * only counts whole sample frames that reached the disk; after a failed write (a full disk) the file
 * is cut back to what the header says.
 */
export class WavWriter {
  private readonly fd: number;
  private dataBytes = 0;
  private lastHeader = 0;
  private closed = false;
  /** Channels in the file. */
  channels: number;
  private stereoDecided: boolean;

  constructor(
    readonly path: string,
    readonly sampleRate: number,
    /** Channels of the samples handed to write(). */
    readonly inputChannels: number,
    options: WavWriterOptions = {},
  ) {
    this.channels = options.monoUntilStereo && inputChannels === 2 ? 1 : inputChannels;
    this.stereoDecided = this.channels === inputChannels;
    this.fd = openSync(path, 'w+', 0o600);
    this.writeHeader();
  }

  get samplesPerChannel(): number {
    return this.dataBytes / 2 / this.channels;
  }

  /** Appends interleaved samples (inputChannels); throws on a write error such as a full disk. */
  write(samples: Int16Array): void {
    if (this.closed) return;
    if (this.channels === 1 && this.inputChannels === 2) {
      if (!this.stereoDecided && !channelsEqual(samples)) this.becomeStereo();
      else {
        if (!this.stereoDecided && this.samplesPerChannel >= STEREO_DECISION_SEC * this.sampleRate) this.stereoDecided = true;
        samples = this.stereoDecided ? mixDown(samples) : leftChannel(samples);
      }
    }
    this.append(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength));
    if (Date.now() - this.lastHeader >= 1000) this.writeHeader();
  }

  /** Moves the end of the file back by up to `samplesPerChannel` (what follows overwrites it); returns how many it moved. */
  rewind(samplesPerChannel: number): number {
    const samples = Math.min(Math.max(0, Math.round(samplesPerChannel)), this.samplesPerChannel);
    this.dataBytes -= samples * this.channels * 2;
    return samples;
  }

  silence(samplesPerChannel: number): void {
    const chunk = 4800;
    for (let left = samplesPerChannel; left > 0; left -= chunk) {
      this.append(Buffer.alloc(Math.min(chunk, left) * this.channels * 2));
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      // A write cut short by a full disk may have left part of a sample frame past what is counted.
      ftruncateSync(this.fd, HEADER_BYTES + this.dataBytes);
      this.writeHeader();
    } finally {
      closeSync(this.fd);
    }
  }

  private append(bytes: Buffer): void {
    let written = 0;
    try {
      while (written < bytes.length) {
        const n = writeSync(this.fd, bytes, written, bytes.length - written, HEADER_BYTES + this.dataBytes + written);
        if (n === 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        written += n;
      }
    } finally {
      const frame = this.channels * 2;
      this.dataBytes += written - (written % frame);
    }
  }

  /** Rewrites what was written so far with both channels (the same samples twice) and goes on in stereo. */
  private becomeStereo(): void {
    const mono = Buffer.alloc(this.dataBytes);
    readSync(this.fd, mono, 0, mono.length, HEADER_BYTES);
    const stereo = Buffer.alloc(mono.length * 2);
    for (let i = 0; i < mono.length; i += 2) {
      mono.copy(stereo, i * 2, i, i + 2);
      mono.copy(stereo, i * 2 + 2, i, i + 2);
    }
    this.channels = 2;
    this.stereoDecided = true;
    this.dataBytes = 0;
    this.append(stereo);
    this.writeHeader();
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

function channelsEqual(stereo: Int16Array): boolean {
  for (let i = 0; i + 1 < stereo.length; i += 2) if (stereo[i] !== stereo[i + 1]) return false;
  return true;
}

function leftChannel(stereo: Int16Array): Int16Array {
  const mono = new Int16Array(stereo.length >> 1);
  for (let i = 0; i < mono.length; i++) mono[i] = stereo[i * 2];
  return mono;
}

function mixDown(stereo: Int16Array): Int16Array {
  const mono = new Int16Array(stereo.length >> 1);
  for (let i = 0; i < mono.length; i++) mono[i] = (stereo[i * 2] + stereo[i * 2 + 1]) >> 1;
  return mono;
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
