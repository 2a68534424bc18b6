import { describe, expect, it } from 'vitest';
import { BoundedAudioChannel, iterate, LatestFrameChannel } from '../src/frame-channels.js';
import { safeComponent } from '../src/recording-files.js';

describe('subscriber buffers', () => {
  it('keeps only the newest video frame for a reader that is behind, counting the skipped ones', async () => {
    const channel = new LatestFrameChannel<number>();
    for (let frame = 1; frame <= 5; frame++) channel.push(frame);
    expect(await channel.next()).toBe(5);
    expect(channel.dropped).toBe(4);
    const waiting = channel.next();
    channel.push(6);
    expect(await waiting).toBe(6);
    channel.push(7);
    channel.end();
    expect(await channel.next()).toBe(7);
    expect(await channel.next()).toBeUndefined();
  });

  it('drops the oldest audio beyond its capacity and reports the samples with the next chunk', async () => {
    const channel = new BoundedAudioChannel<{ seq: number; samplesPerChannel: number; droppedSamples: number }>(2);
    for (let seq = 0; seq < 5; seq++) channel.push({ seq, samplesPerChannel: 960, droppedSamples: 0 });
    expect(await channel.next()).toEqual({ seq: 3, samplesPerChannel: 960, droppedSamples: 3 * 960 });
    expect(await channel.next()).toEqual({ seq: 4, samplesPerChannel: 960, droppedSamples: 0 });
    expect(channel.droppedTotal).toBe(3 * 960);
  });

  it('stops an iterator at once when the client leaves while it waits for a frame, releasing it', async () => {
    const channel = new LatestFrameChannel<string>();
    let released = 0;
    const iterator = iterate(() => channel.next(), (value) => [value, `${value}!`], () => released++);
    channel.push('a');
    expect((await iterator.next()).value).toBe('a');
    expect((await iterator.next()).value).toBe('a!');
    const pending = iterator.next();
    await iterator.return?.();
    expect((await pending).done).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(released).toBe(1);
  });
});

describe('recording folder names', () => {
  it.each([
    ['../../x', 'x'],
    ['/etc/passwd', 'etc_passwd'],
    ['..', 'unnamed'],
    ['.hidden', 'hidden'],
    ['nul\u0000byte', 'nul_byte'],
    ['ünï', 'uni'],
    ['☃', 'unnamed'],
  ])('turns %j into the safe component %j', (untrusted, safe) => {
    expect(safeComponent(untrusted)).toBe(safe);
  });

  it('bounds the length', () => {
    expect(safeComponent('a'.repeat(500))).toHaveLength(64);
  });
});
