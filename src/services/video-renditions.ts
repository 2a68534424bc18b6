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

  constructor(
    readonly key: string,
    readonly options: RenditionOptions,
    private readonly onFailure: (rendition: VideoRendition, error: Error) => void,
  ) {}

  get encoderRunning(): boolean {
    return this.encoder !== undefined;
  }

  /** Takes a frame from the feed: rate-limits, and encodes unless ffmpeg is behind. */
  offer(frame: RawVideoFrame): void {
    if (this.failure) return;
    if (this.options.maxFps) {
      const interval = 1e6 / this.options.maxFps;
      // A little slack for arrival jitter; after a gap, restart the cadence rather than burst.
      if (frame.timestampUs < this.nextDueUs - Math.min(interval / 4, 8_000)) return;
      this.nextDueUs = frame.timestampUs - this.nextDueUs > interval ? frame.timestampUs + interval : this.nextDueUs + interval;
    }
    const encoder = this.encoderFor(frame.width, frame.height);
    if (!encoder.encode(frame.data, frame)) this.encoderDrops++;
  }

  close(): void {
    this.encoder?.close();
    this.encoder = undefined;
    for (const subscriber of this.subscribers) subscriber.end();
    this.subscribers.clear();
  }

  private encoderFor(width: number, height: number): FrameEncoder<RawVideoFrame> {
    const current = this.encoder;
    if (current && current.options.inputWidth === width && current.options.inputHeight === height) return current;
    current?.close();
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
      this.framesEncoded++;
      const encoded: EncodedFrame = {
        seq: source.seq,
        timestampUs: source.timestampUs,
        width: size.width,
        height: size.height,
        format: this.options.format,
        data,
      };
      for (const subscriber of this.subscribers) subscriber.push(encoded);
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
