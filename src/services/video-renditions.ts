import { FrameEncoder, type EncodedFormat } from '../ffmpeg.js';
import { LatestFrameChannel } from '../frame-channels.js';
import type { RawVideoFrame } from './track-feeds.js';

export interface RenditionOptions {
  format: EncodedFormat;
  maxWidth: number | null;
  maxHeight: number | null;
  maxFps: number | null;
  quality: number;
}

export interface EncodedFrame {
  seq: number;
  timestampUs: number;
  width: number;
  height: number;
  format: EncodedFormat;
  data: Buffer;
}

/** Output size for an input size under the limits: aspect kept, never upscaled, even sides. */
export function fitSize(width: number, height: number, maxWidth: number | null, maxHeight: number | null): { width: number; height: number } {
  const scale = Math.min(1, maxWidth ? maxWidth / width : 1, maxHeight ? maxHeight / height : 1);
  if (scale === 1) return { width, height };
  const even = (value: number) => Math.max(2, Math.round(value / 2) * 2);
  return { width: even(width * scale), height: even(height * scale) };
}

export function renditionKey(options: RenditionOptions): string {
  return [options.format, options.maxWidth ?? '', options.maxHeight ?? '', options.maxFps ?? '', options.format === 'JPEG' ? options.quality : ''].join('|');
}

/** Distinct renditions counted apart in /metrics. */
const MAX_TALLIED_RENDITIONS = 200;

/** Frames of one rendition (format and size options, all tracks) over the life of the process. */
export interface RenditionFrameCounts {
  received: number;
  encoded: number;
  sent: number;
  /** Not encoded because the encoder was still busy with earlier ones. */
  dropped: number;
}

/**
 * What every rendition did, by renditionKey, for /metrics: renditions come and go with their
 * subscribers, the totals stay. Encode times wait here until the next scrape takes them.
 */
export class RenditionTally {
  readonly frames = new Map<string, RenditionFrameCounts>();
  /** Encoders started again for another input size. */
  encoderRestarts = 0;
  private encodeTimes: { format: EncodedFormat; seconds: number }[] = [];

  counts(options: RenditionOptions): RenditionFrameCounts {
    let key = renditionKey(options);
    // Each distinct rendition is a label: past a bound, the rest share one, so clients cannot grow it without end.
    if (!this.frames.has(key) && this.frames.size >= MAX_TALLIED_RENDITIONS) key = 'other';
    let counts = this.frames.get(key);
    if (!counts) this.frames.set(key, (counts = { received: 0, encoded: 0, sent: 0, dropped: 0 }));
    return counts;
  }

  encoded(options: RenditionOptions, seconds: number): void {
    // Bounded if nothing scrapes: older samples give way.
    if (this.encodeTimes.length >= 10_000) this.encodeTimes.shift();
    this.encodeTimes.push({ format: options.format, seconds });
  }

  takeEncodeTimes(): { format: EncodedFormat; seconds: number }[] {
    const taken = this.encodeTimes;
    this.encodeTimes = [];
    return taken;
  }
}

export const renditionTally = new RenditionTally();

/**
 * One encoding of one video track (format, size, quality, rate), shared by all its subscribers and
 * alive only while it has some. Frames arrive from the track's feed; the encoder is restarted when
 * the input size changes (simulcast layer switches, adaptation).
 */
export class VideoRendition {
  readonly subscribers = new Set<LatestFrameChannel<EncodedFrame>>();
  private encoder: FrameEncoder<RawVideoFrame> | undefined;
  private nextDueUs = 0;
  encodersStarted = 0;
  /** Frames not encoded because the encoder was still busy with earlier ones. */
  encoderDrops = 0;
  framesEncoded = 0;
  failure: Error | undefined;
  private readonly tally: RenditionFrameCounts;
  /** When each frame still in ffmpeg went in (ffmpeg returns frames in order). */
  private readonly encodeStarts: number[] = [];

  constructor(
    readonly key: string,
    readonly options: RenditionOptions,
    private readonly onFailure: (rendition: VideoRendition, error: Error) => void,
  ) {
    this.tally = renditionTally.counts(options);
  }

  get encoderRunning(): boolean {
    return this.encoder !== undefined;
  }

  /** Takes a frame from the feed: rate-limits, and encodes unless ffmpeg is behind. */
  offer(frame: RawVideoFrame): void {
    if (this.failure) return;
    this.tally.received++;
    if (this.options.maxFps) {
      const interval = 1e6 / this.options.maxFps;
      // A little slack for arrival jitter; after a gap, restart the cadence rather than burst.
      if (frame.timestampUs < this.nextDueUs - Math.min(interval / 4, 8_000)) return;
      this.nextDueUs = frame.timestampUs - this.nextDueUs > interval ? frame.timestampUs + interval : this.nextDueUs + interval;
    }
    if (this.options.format === 'I420') {
      const size = fitSize(frame.width, frame.height, this.options.maxWidth, this.options.maxHeight);
      if (size.width === frame.width && size.height === frame.height) {
        // Raw I420 at its own size is the decoded picture as it is: no encoder, nothing dropped for one.
        this.encoder?.close();
        this.encoder = undefined;
        this.deliver({ seq: frame.seq, timestampUs: frame.timestampUs, width: frame.width, height: frame.height, format: 'I420', data: Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength) });
        return;
      }
    }
    const encoder = this.encoderFor(frame.width, frame.height);
    if (encoder.encode(frame.data, frame)) this.encodeStarts.push(performance.now());
    else {
      this.encoderDrops++;
      this.tally.dropped++;
    }
  }

  close(): void {
    this.encoder?.close();
    this.encoder = undefined;
    for (const subscriber of this.subscribers) subscriber.end();
    this.subscribers.clear();
  }

  private deliver(frame: EncodedFrame): void {
    this.framesEncoded++;
    this.tally.encoded++;
    for (const subscriber of this.subscribers) subscriber.push(frame);
  }

  private encoderFor(width: number, height: number): FrameEncoder<RawVideoFrame> {
    const current = this.encoder;
    if (current && current.options.inputWidth === width && current.options.inputHeight === height) return current;
    current?.close();
    if (current) renditionTally.encoderRestarts++;
    this.encodeStarts.length = 0;
    const size = fitSize(width, height, this.options.maxWidth, this.options.maxHeight);
    const encoder = new FrameEncoder<RawVideoFrame>({
      inputWidth: width,
      inputHeight: height,
      outputWidth: size.width,
      outputHeight: size.height,
      format: this.options.format,
      quality: this.options.quality,
    });
    encoder.onFrame = (data, source) => {
      const started = this.encoder === encoder ? this.encodeStarts.shift() : undefined;
      if (started !== undefined) renditionTally.encoded(this.options, (performance.now() - started) / 1000);
      this.deliver({ seq: source.seq, timestampUs: source.timestampUs, width: size.width, height: size.height, format: this.options.format, data });
    };
    encoder.onExit = (error) => {
      if (this.encoder === encoder) this.encoder = undefined;
      if (error) {
        this.failure = error;
        this.onFailure(this, error);
      }
    };
    this.encoder = encoder;
    this.encodersStarted++;
    return encoder;
  }
}
