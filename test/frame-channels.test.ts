import { describe, expect, it } from 'vitest';
import { BoundedAudioChannel, LatestFrameChannel, PullStream } from '../src/frame-channels.js';
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

  const stream = (channel: LatestFrameChannel<string>, counts: { acquired: number; released: number }) =>
    new PullStream<string, string>({
      channel,
      acquire: () => counts.acquired++,
      release: () => counts.released++,
      expand: (value) => [value, `${value}!`],
      failed: (failure) => `failed: ${failure.message}`,
    });

  it('stops an iterator at once when the client leaves while it waits for a frame, releasing it once', async () => {
    const channel = new LatestFrameChannel<string>();
    const counts = { acquired: 0, released: 0 };
    const iterator = stream(channel, counts);
    expect(counts.acquired).toBe(0);
    const first = iterator.next();
    channel.push('a');
    expect((await first).value).toBe('a');
    expect((await iterator.next()).value).toBe('a!');
    const pending = iterator.next();
    await iterator.return();
    expect((await pending).done).toBe(true);
    await iterator.return();
    expect(counts).toEqual({ acquired: 1, released: 1 });
    expect((await iterator.next()).done).toBe(true);
  });

  it('takes nothing when it is returned before its first pull, as graphql-ws does on an instant cancel', async () => {
    const channel = new LatestFrameChannel<string>();
    const counts = { acquired: 0, released: 0 };
    const iterator = stream(channel, counts);
    await iterator.return();
    expect((await iterator.next()).done).toBe(true);
    expect(counts).toEqual({ acquired: 0, released: 0 });
    expect(channel.isEnded).toBe(true);
  });

  it('ends with the failure as its last item when its source fails, and releases', async () => {
    const channel = new LatestFrameChannel<string>();
    const counts = { acquired: 0, released: 0 };
    const iterator = stream(channel, counts);
    const first = iterator.next();
    channel.end(new Error('encoder died'));
    expect(await first).toEqual({ value: 'failed: encoder died', done: false });
    expect((await iterator.next()).done).toBe(true);
    expect(counts).toEqual({ acquired: 1, released: 1 });
  });

  it('releases when acquiring fails, and ends with the failure as its one item', async () => {
    const channel = new LatestFrameChannel<string>();
    let released = 0;
    const iterator = new PullStream<string, string>({
      channel,
      acquire: () => {
        throw new Error('no track');
      },
      release: () => released++,
      expand: (value) => [value],
      failed: (failure) => failure.message,
    });
    expect(await iterator.next()).toEqual({ value: 'no track', done: false });
    expect((await iterator.next()).done).toBe(true);
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
