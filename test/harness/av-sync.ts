import { spawnSync } from 'node:child_process';
import { ffmpegPath, ffprobePath } from '../../src/ffmpeg.js';

export interface SyncReport {
  flashes: number[];
  beeps: number[];
  /** For each flash, the nearest beep's time minus the flash's, in ms. */
  offsetsMs: number[];
}

function decode(path: string, args: string[]): Buffer {
  const run = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-i', path, ...args, 'pipe:1'], { maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`ffmpeg could not decode ${path}: ${run.stderr.toString()}`);
  return run.stdout;
}

/** When a file's first stream of a kind starts (s): a combined file may start its video after its audio. */
function startTime(path: string, stream: 'v:0' | 'a:0'): number {
  const run = spawnSync(ffprobePath(), ['-v', 'error', '-select_streams', stream, '-show_entries', 'stream=start_time', '-of', 'csv=p=0', path]);
  const value = Number(run.stdout.toString().trim());
  return Number.isFinite(value) ? value : 0;
}

/** The time of the first audio frame the decoder puts out (s): after a pre-skip, later than the stream's start. */
function firstDecodedAudio(path: string): number {
  const run = spawnSync(ffprobePath(), ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'frame=best_effort_timestamp_time', '-of', 'csv=p=0', path], {
    maxBuffer: 1 << 26,
  });
  const value = Number(run.stdout.toString().trim().split('\n')[0]);
  if (!Number.isFinite(value)) throw new Error(`${path}: no decoded audio frame time`);
  return value;
}

/** Onsets (s) of a signal that rises above its midpoint, at least `gapSec` apart. */
function onsets(values: number[], rateHz: number, gapSec = 0.5): number[] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const threshold = low + (high - low) / 2;
  const found: number[] = [];
  for (let i = 1; i < values.length; i++) {
    if (values[i] >= threshold && values[i - 1] < threshold) {
      const at = i / rateHz;
      if (!found.length || at - found.at(-1)! >= gapSec) found.push(at);
    }
  }
  return found;
}

/** Each video frame's presentation time (s), in order: a file as sent has no constant rate. */
function frameTimes(path: string): number[] {
  const run = spawnSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', path], { maxBuffer: 1 << 26 });
  return run.stdout
    .toString()
    .split('\n')
    .filter((line) => line.trim())
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Finds the publisher's once-a-second white flashes (picture brightness, frame by frame at the
 * file's constant 30 fps, or at each frame's own time with `frames: 'pts'`) and beeps (audio
 * energy in 5 ms windows) in a recording.
 */
export function measureSync(path: string, fps = 30, options: { frames?: 'constant' | 'pts' } = {}): SyncReport {
  // Every frame once, as stored (no frames made up to fill the start): frame i is at start + i / fps.
  const gray = decode(path, ['-map', '0:v:0', '-vf', 'scale=16:16', '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'gray']);
  const brightness: number[] = [];
  for (let offset = 0; offset + 256 <= gray.length; offset += 256) {
    let sum = 0;
    for (let i = offset; i < offset + 256; i++) sum += gray[i];
    brightness.push(sum / 256);
  }
  const pcm = decode(path, ['-map', '0:a:0', '-ac', '1', '-ar', '48000', '-f', 's16le']);
  const samples = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length >> 1);
  const energy: number[] = [];
  for (let start = 0; start + 240 <= samples.length; start += 240) {
    let sum = 0;
    for (let i = start; i < start + 240; i++) sum += samples[i] * samples[i];
    energy.push(Math.sqrt(sum / 240));
  }
  const videoStart = startTime(path, 'v:0');
  // Opus carries a pre-skip: the decoder drops the first samples, so decoded audio starts at the
  // first decoded frame's time, not at the stream's first packet.
  const audioStart = options.frames === 'pts' ? firstDecodedAudio(path) : startTime(path, 'a:0');
  let flashes = onsets(brightness, fps).map((at) => at + videoStart);
  if (options.frames === 'pts') {
    const times = frameTimes(path);
    if (times.length !== brightness.length) throw new Error(`${path}: ${times.length} video packets but ${brightness.length} frames decoded`);
    // The onset's frame index, at that frame's own time.
    flashes = onsets(brightness, fps).map((at) => times[Math.round(at * fps)]);
  }
  const beeps = onsets(energy, 200).map((at) => at + audioStart);
  const offsetsMs = flashes.map((flash) => {
    const nearest = beeps.reduce((best, beep) => (Math.abs(beep - flash) < Math.abs(best - flash) ? beep : best), Infinity);
    return (nearest - flash) * 1000;
  });
  return { flashes, beeps, offsetsMs };
}
