import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { query, subscribe, wsClient } from './harness/graphql.js';
import type { LiveKitServer } from './harness/livekit.js';
import { StartSession } from './harness/operations.js';
import { rssBytes } from './harness/processes.js';
import { startPublisher } from './harness/publisher-client.js';
import { startServerWithLiveKit, type ServerProcess, type ServerWithLiveKit } from './harness/server-process.js';

const Frames = graphql(`
  subscription MemoryFrames($roomName: String!, $options: VideoFramesOptions) {
    videoFrames(roomName: $roomName, options: $options) {
      seq
      chunkIndex
      chunkCount
      data
    }
  }
`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1024 * 1024;

describe('memory of a server that streams frames for a minute', () => {
  let setup: ServerWithLiveKit;
  let livekit: LiveKitServer;
  let server: ServerProcess;

  beforeAll(async () => {
    setup = await startServerWithLiveKit('memory');
    ({ livekit, server } = setup);
  });
  afterAll(() => setup?.close());

  it('keeps RSS growth under 60 MB with one JPEG, one I420 and one RGBA reader of 640x360 for 60 s', async () => {
    const room = 'memory-room';
    const camera = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'camera' });
    await camera.publishVideo({ width: 640, height: 360, fps: 30 });
    await query(server.url, StartSession, { roomName: room });
    const client = wsClient(server.url);
    // Each reader keeps only a count, so that what grows is the server's.
    const counts = { JPEG: 0, I420: 0, RGBA: 0 };
    const readers = (['JPEG', 'I420', 'RGBA'] as const).map((format) => {
      const reader = subscribe(client, Frames, { roomName: room, options: { format } });
      const push = reader.push.bind(reader);
      reader.push = (value) => {
        if (value.videoFrames.chunkIndex === value.videoFrames.chunkCount - 1) counts[format]++;
        push({ videoFrames: { ...value.videoFrames, data: '' } });
        reader.values.length = 0;
      };
      return reader;
    });
    try {
      // Warm-up: encoders started, buffers and JIT settled.
      await sleep(10_000);
      expect(counts.RGBA, 'RGBA frames in the warm-up').toBeGreaterThan(30);
      const start = rssBytes(server.process.pid!);
      const startCounts = { ...counts };
      let peak = start;
      for (let second = 0; second < 60; second++) {
        await sleep(1_000);
        peak = Math.max(peak, rssBytes(server.process.pid!));
        for (const reader of readers) expect(reader.errors).toEqual([]);
      }
      const end = rssBytes(server.process.pid!);
      console.log(`server RSS ${(start / MB).toFixed(0)} MB -> ${(end / MB).toFixed(0)} MB (peak ${(peak / MB).toFixed(0)} MB) over 60 s`);
      const delivered = Object.fromEntries(Object.entries(counts).map(([format, n]) => [format, n - startCounts[format as keyof typeof counts]]));
      // A reader that keeps up gets most of the 1,800 frames; a leak would keep every one (0.9 MB each in RGBA).
      for (const n of Object.values(delivered)) expect(n).toBeGreaterThan(600);
      expect((end - start) / MB, `RSS ${start / MB} MB -> ${end / MB} MB (peak ${peak / MB} MB), frames ${JSON.stringify(delivered)}`).toBeLessThan(60);
    } finally {
      for (const reader of readers) reader.unsubscribe();
      await client.dispose();
      await camera.disconnect();
    }
  }, 150_000);
});
