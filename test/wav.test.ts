import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffprobePath } from '../src/ffmpeg.js';
import { WavWriter } from '../src/recording-files.js';
import { mountSmallDisk } from './harness/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'haven-wav-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 10 ms of 48 kHz stereo: `left` and `right` give each channel's sample at i. */
function stereo(left: (i: number) => number, right: (i: number) => number = left): Int16Array {
  const samples = new Int16Array(960);
  for (let i = 0; i < 480; i++) {
    samples[i * 2] = left(i);
    samples[i * 2 + 1] = right(i);
  }
  return samples;
}

function header(path: string): { riff: number; channels: number; data: number; size: number } {
  const bytes = readFileSync(path);
  return { riff: bytes.readUInt32LE(4), channels: bytes.readUInt16LE(22), data: bytes.readUInt32LE(40), size: bytes.length };
}

function probedChannels(path: string): number {
  return Number(execFileSync(ffprobePath(), ['-v', 'error', '-show_entries', 'stream=channels', '-of', 'csv=p=0', path]).toString().trim());
}

describe('WAV files', () => {
  it('overwrites the end of the file after a rewind, and the header and size count what is there', () => {
    const wav = new WavWriter(join(dir, 'rewind.wav'), 48_000, 2);
    for (let n = 0; n < 10; n++) wav.write(stereo(() => 1000));
    // 25 ms placed late (concealment before media that waited): rewound and overwritten by 10 ms.
    expect(wav.rewind(1200)).toBe(1200);
    wav.write(stereo(() => -2000));
    wav.close();
    const frames = 4800 - 1200 + 480;
    expect(header(wav.path)).toMatchObject({ channels: 2, data: frames * 4, size: 44 + frames * 4 });
    const pcm = readFileSync(wav.path).subarray(44);
    expect(pcm.readInt16LE((3600 - 1) * 4)).toBe(1000);
    expect(pcm.readInt16LE(3600 * 4)).toBe(-2000);
    // Never further back than the file's start.
    const short = new WavWriter(join(dir, 'rewind-short.wav'), 48_000, 2);
    short.write(stereo(() => 1));
    expect(short.rewind(10_000)).toBe(480);
    short.close();
    expect(header(short.path).data).toBe(0);
  });

  it('writes a mono track decoded as two equal channels as one channel', () => {
    const wav = new WavWriter(join(dir, 'mono.wav'), 48_000, 2, { monoUntilStereo: true });
    for (let n = 0; n < 100; n++) wav.write(stereo((i) => Math.round(8000 * Math.sin(i / 7))));
    wav.close();
    expect(header(wav.path)).toMatchObject({ channels: 1, data: 100 * 480 * 2 });
    expect(probedChannels(wav.path)).toBe(1);
  });

  it('turns to two channels, keeping what came before on both, when the channels first differ', () => {
    const wav = new WavWriter(join(dir, 'stereo.wav'), 48_000, 2, { monoUntilStereo: true });
    for (let n = 0; n < 50; n++) wav.write(stereo(() => 1000));
    for (let n = 0; n < 50; n++) wav.write(stereo(() => 1000, () => -1000));
    wav.close();
    const h = header(wav.path);
    expect(h).toMatchObject({ channels: 2, data: 100 * 480 * 4 });
    const pcm = new Int16Array(readFileSync(wav.path).buffer.slice(44));
    // The first half (was mono) has the sample on both channels; the second keeps them apart.
    expect([pcm[0], pcm[1]]).toEqual([1000, 1000]);
    expect([pcm.at(-2), pcm.at(-1)]).toEqual([1000, -1000]);
    expect(probedChannels(wav.path)).toBe(2);
  });

  it('keeps the header equal to what is on disk after the disk fills up', () => {
    const small = join(dir, 'small');
    const unmount = mountSmallDisk(small, '1m');
    try {
      const wav = new WavWriter(join(small, 'full.wav'), 48_000, 2);
      let failure: NodeJS.ErrnoException | undefined;
      try {
        // An odd-sized chunk so that the disk fills in the middle of a sample frame.
        for (let n = 0; n < 2000; n++) wav.write(new Int16Array(963).fill(n));
      } catch (error) {
        failure = error as NodeJS.ErrnoException;
      }
      expect(failure?.code).toBe('ENOSPC');
      wav.close();
      const h = header(wav.path);
      expect(h.size).toBe(44 + h.data);
      expect(h.riff).toBe(h.size - 8);
      expect(h.data % 4).toBe(0);
      expect(statSync(wav.path).size).toBeGreaterThan(500_000);
    } finally {
      unmount();
    }
  });
});
