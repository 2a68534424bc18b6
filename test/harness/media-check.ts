import { spawnSync } from 'node:child_process';
import { ffmpegPath } from '../../src/ffmpeg.js';

/** Decodes a JPEG with ffmpeg into 8-bit gray pixels; throws if ffmpeg cannot read it. */
export function decodeJpeg(jpeg: Buffer): { width: number; height: number; gray: Buffer } {
  const probe = spawnSync(ffmpegPath(), ['-hide_banner', '-f', 'mjpeg', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], {
    input: jpeg,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (probe.status !== 0) throw new Error(`not a JPEG ffmpeg can decode: ${probe.stderr.toString().slice(-500)}`);
  const size = /Stream #0:0.*?, (\d+)x(\d+)/.exec(probe.stderr.toString());
  if (!size) throw new Error(`no size in ffmpeg output: ${probe.stderr}`);
  return { width: Number(size[1]), height: Number(size[2]), gray: probe.stdout };
}

/** Mean absolute difference of two equal-size gray pictures, 0-255. */
export function meanDifference(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** Dominant frequency of one channel of interleaved PCM, from its zero crossings. */
export function toneFrequency(samples: Int16Array, channels: number, sampleRate: number): number {
  let crossings = 0;
  let first = -1;
  let last = -1;
  const frames = samples.length / channels;
  for (let i = 1; i < frames; i++) {
    const before = samples[(i - 1) * channels];
    const now = samples[i * channels];
    if (before < 0 && now >= 0) {
      if (first < 0) first = i;
      last = i;
      crossings++;
    }
  }
  if (crossings < 2) return 0;
  return ((crossings - 1) * sampleRate) / (last - first);
}
