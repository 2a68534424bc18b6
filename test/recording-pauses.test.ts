import { describe, expect, it } from 'vitest';
import { RecordingPauses } from '../src/services/recording-pauses.js';
import { AudioTimeline } from '../src/services/audio-timeline.js';
import { VideoTimeline } from '../src/services/video-timeline.js';

const S = 1_000_000;

describe('RecordingPauses', () => {
  it('cuts paused time out of the files’ time line, and maps it back', () => {
    const pauses = new RecordingPauses(1 * S);
    expect(pauses.toFileUs(3 * S)).toBe(3 * S);
    expect(pauses.pause(4 * S)).toBe(true);
    expect(pauses.pause(4.5 * S)).toBe(false);
    expect(pauses.paused).toBe(true);
    expect(pauses.inPause(6 * S)).toBe(true);
    // Inside an open pause, time stands where it began.
    expect(pauses.toFileUs(6 * S)).toBe(4 * S);
    expect(pauses.resume(9 * S)).toBe(true);
    expect(pauses.resume(9.5 * S)).toBe(false);
    expect(pauses.inPause(9 * S)).toBe(false);
    expect(pauses.toFileUs(10 * S)).toBe(5 * S);
    expect(pauses.fromFileUs(5 * S)).toBe(10 * S);
    expect(pauses.fromFileUs(3 * S)).toBe(3 * S);
    pauses.pause(12 * S);
    pauses.resume(13 * S);
    expect(pauses.toFileUs(20 * S)).toBe(14 * S);
    expect(pauses.pausedUs(20 * S)).toBe(6 * S);
    expect(pauses.fromFileUs(14 * S)).toBe(20 * S);
  });

  it('never pauses before the recording began', () => {
    const pauses = new RecordingPauses(2 * S);
    pauses.pause(1 * S);
    expect(pauses.spans[0].startUs).toBe(2 * S);
  });

  it('keeps a video file one unbroken grid across a 5 s pause: no slot for the paused time', () => {
    const pauses = new RecordingPauses(0);
    const timeline = new VideoTimeline(0, 30);
    const write = (us: number) => {
      if (pauses.inPause(us)) return;
      const placement = timeline.frame(pauses.toFileUs(us));
      timeline.written += placement.held + placement.newest;
    };
    for (let us = 15_000; us < 5 * S; us += S / 30) write(us);
    pauses.pause(5 * S);
    for (let us = 5 * S; us < 10 * S; us += S / 30) write(us);
    pauses.resume(10 * S);
    for (let us = 10 * S + 15_000; us < 15 * S; us += S / 30) write(us);
    timeline.written += timeline.fillTo(pauses.toFileUs(15 * S));
    expect(timeline.written).toBeGreaterThanOrEqual(299);
    expect(timeline.written).toBeLessThanOrEqual(301);
  });

  it('keeps an audio file continuous across a pause: no silence, no drop listed', () => {
    const pauses = new RecordingPauses(0);
    const timeline = new AudioTimeline(0, 48_000);
    let samples = 0;
    let silence = 0;
    let seen = 0;
    const frame = (us: number) => {
      if (pauses.inPause(us)) return;
      if (pauses.spans.length !== seen) {
        seen = pauses.spans.length;
        timeline.newTrack();
      }
      const placement = timeline.place(pauses.toFileUs(us), 480);
      expect(placement.dropped).toBeUndefined();
      silence += placement.silence;
      samples += placement.silence - placement.rewind + placement.write;
    };
    for (let us = 0; us < 5 * S; us += 10_000) frame(us);
    pauses.pause(5 * S + 3_000);
    for (let us = 5 * S; us < 10 * S; us += 10_000) frame(us);
    pauses.resume(10 * S + 4_000);
    for (let us = 10 * S; us < 15 * S; us += 10_000) frame(us);
    expect(samples / 48_000).toBeCloseTo(10, 1);
    // At most the few ms where the two sides meet.
    expect(silence).toBeLessThan(480);
  });
});
