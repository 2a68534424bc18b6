import { describe, expect, it } from 'vitest';
import { AudioTimeline, REWRITE_MAX_US } from '../src/services/audio-timeline.js';
import { HOLD_LAG_US, isPlaceholderPicture, VideoTimeline } from '../src/services/video-timeline.js';

const FRAME = 480; // 10 ms at 48 kHz
const RATE = 48_000;

/** Drives an audio timeline with frames and keeps the file it would write: samples, silence and rewinds. */
function audioFile(startUs = 1_000_000) {
  const timeline = new AudioTimeline(startUs, RATE);
  let samples = 0;
  const gaps: { startUs: number; endUs: number }[] = [];
  return {
    timeline,
    push(timestampUs: number, length = FRAME) {
      const placement = timeline.place(timestampUs, length);
      samples += placement.silence;
      samples -= placement.rewind;
      expect(placement.skip + placement.write === length || placement.write === 0).toBe(true);
      samples += placement.write;
      if (placement.dropped) gaps.push(placement.dropped);
      return placement;
    },
    get durationUs() {
      return (samples * 1e6) / RATE;
    },
    gaps,
  };
}

describe('audio timeline', () => {
  it('fills a late start with silence and lists no gap for it', () => {
    const file = audioFile(1_000_000);
    const placement = file.push(1_250_000);
    expect(placement.silence).toBe(12_000);
    expect(placement.dropped).toBeUndefined();
    expect(file.timeline.fileEndUs).toBe(1_260_000);
  });

  it('writes frames that follow each other as they are, and small jitter does not add up', () => {
    const file = audioFile(0);
    let t = 0;
    for (let i = 0; i < 1000; i++, t += 10_000) file.push(t + ((i * 7919) % 3) * 500); // ±1 ms stamps
    expect(file.durationUs).toBe(10_000_000);
    expect(file.gaps).toEqual([]);
  });

  it('fills a step ahead of the clock with silence and lists it as dropped', () => {
    const file = audioFile(0);
    file.push(0);
    file.push(10_000);
    const placement = file.push(120_000);
    expect(placement.silence).toBe(Math.round(0.1 * RATE));
    expect(file.gaps).toEqual([{ startUs: 20_000, endUs: 120_000 }]);
    expect(file.timeline.fileEndUs).toBe(130_000);
  });

  it('overwrites audio placed late when the clock steps back within a second', () => {
    const file = audioFile(0);
    for (let t = 0; t < 2_000_000; t += 10_000) file.push(t);
    // The clock steps back 300 ms: the last 300 ms of the file were concealment placed early.
    const placement = file.push(1_700_000);
    expect(placement.rewind).toBe(Math.round(0.3 * RATE));
    expect(placement.skip).toBe(0);
    expect(file.timeline.fileEndUs).toBe(1_710_000);
    expect(file.durationUs).toBe(1_710_000);
    expect(file.gaps).toEqual([]);
  });

  it('rewinds at most a second and drops what overlaps beyond it', () => {
    const file = audioFile(0);
    for (let t = 0; t < 3_000_000; t += 10_000) file.push(t);
    const before = file.durationUs;
    // Back 1.5 s: the frame lies wholly before what a rewind reaches; the file is left as it is.
    const placement = file.push(1_500_000);
    expect(placement.write).toBe(0);
    expect(placement.rewind).toBe(0);
    expect(file.durationUs).toBe(before);
    // Frames catch up; once within a second, the file is rewritten from there.
    for (let t = 1_510_000; t < 2_000_000; t += 10_000) file.push(t);
    const within = file.push(2_000_000);
    expect(within.rewind).toBe(REWRITE_MAX_US * RATE / 1e6);
    expect(file.timeline.fileEndUs).toBe(2_010_000);
  });

  it('takes a new track\'s first frame without listing the step before it', () => {
    const file = audioFile(0);
    file.push(0);
    file.timeline.newTrack();
    file.push(2_000_000);
    expect(file.gaps).toEqual([]);
    expect(file.timeline.fileEndUs).toBe(2_010_000);
  });

  it('carries the file to the stop with silence', () => {
    const file = audioFile(0);
    file.push(0);
    expect(file.timeline.fillTo(1_010_000)).toBe(RATE);
    expect(new AudioTimeline(0, RATE).fillTo(1_000_000)).toBe(0);
  });
});

describe('video timeline', () => {
  const fps = 30;
  const slotUs = 1e6 / fps;

  /** A timeline that writes whatever it is told, and the slots it wrote. */
  function videoFile(startUs = 0) {
    const timeline = new VideoTimeline(startUs, fps);
    const slots: string[] = [];
    let held = 'none';
    return {
      timeline,
      slots,
      frame(timestampUs: number, name: string) {
        const placement = timeline.frame(timestampUs);
        for (let i = 0; i < placement.held; i++) slots.push(held === 'none' ? name : held);
        if (placement.newest) slots.push(name);
        timeline.written += placement.held + placement.newest;
        held = name;
      },
      hold(nowUs: number) {
        const n = timeline.hold(nowUs);
        for (let i = 0; i < n; i++) slots.push(held);
        timeline.written += n;
      },
      stop(stopUs: number) {
        const n = timeline.fillTo(stopUs);
        for (let i = 0; i < n; i++) slots.push(held);
        timeline.written += n;
      },
    };
  }

  it('puts the grid on the first frame and each frame in its slot', () => {
    const file = videoFile(0);
    for (let i = 0; i < 30; i++) file.frame(5_000 + i * slotUs, `f${i}`);
    expect(file.timeline.phaseUs).toBe(5_000);
    expect(file.slots).toEqual(Array.from({ length: 30 }, (_, i) => `f${i}`));
  });

  it('holds a late first picture from the start of the recording', () => {
    const file = videoFile(0);
    file.frame(3 * slotUs + 1_000, 'a');
    expect(file.slots).toEqual(['a', 'a', 'a', 'a']);
  });

  it('holds the last picture across a gap and shows the next in its slot', () => {
    const file = videoFile(0);
    file.frame(0, 'a');
    file.frame(5 * slotUs, 'b');
    expect(file.slots).toEqual(['a', 'a', 'a', 'a', 'a', 'b']);
  });

  it('shows a frame whose slot is written already one slot later, not twice', () => {
    const file = videoFile(0);
    file.frame(0, 'a');
    file.frame(slotUs, 'b');
    file.frame(slotUs + 1_000, 'late');
    expect(file.slots).toEqual(['a', 'b']);
    file.frame(2 * slotUs, 'c');
    expect(file.slots).toEqual(['a', 'b', 'c']);
  });

  it('holds a still picture in real time, a lag behind, and to the stop', () => {
    const file = videoFile(0);
    file.frame(0, 'slide');
    // Nothing more comes (a still screen): 15 s later the file is 14 s long, held a second behind.
    file.hold(15_000_000);
    expect(file.slots.length).toBe(Math.round((15_000_000 - HOLD_LAG_US) / slotUs));
    expect(new Set(file.slots)).toEqual(new Set(['slide']));
    file.stop(15_000_000);
    expect(file.slots.length).toBe(15 * fps);
  });

  it('writes nothing for a track that never sent a frame', () => {
    const file = videoFile(0);
    file.hold(10_000_000);
    file.stop(10_000_000);
    expect(file.slots).toEqual([]);
  });
});

describe('placeholder pictures', () => {
  const picture = (luma: (i: number) => number, chroma = 128) => {
    const data = new Uint8Array(320 * 180 * 1.5);
    for (let i = 0; i < 320 * 180; i++) data[i] = luma(i);
    data.fill(chroma, 320 * 180);
    return data;
  };

  it('tells LiveKit\'s black placeholder (luma 0, neutral chroma, as decoded) from real pictures', () => {
    expect(isPlaceholderPicture(picture(() => 0), 320, 180)).toBe(true);
    expect(isPlaceholderPicture(picture((i) => i % 2), 320, 180)).toBe(true);
    // Limited-range black, a dark room with noise, a green frame of zeros, one bright spot.
    expect(isPlaceholderPicture(picture(() => 16), 320, 180)).toBe(false);
    expect(isPlaceholderPicture(picture((i) => 10 + (i % 5)), 320, 180)).toBe(false);
    expect(isPlaceholderPicture(picture(() => 0, 0), 320, 180)).toBe(false);
    expect(isPlaceholderPicture(picture((i) => (i === 7 * 1000 ? 200 : 0)), 320, 180)).toBe(false);
  });
});
