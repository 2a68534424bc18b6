import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Client } from 'graphql-ws';
import { graphql } from '../gql/index.js';
import { measureSync } from './av-sync.js';
import { reassemble } from './frames.js';
import { query, subscribe } from './graphql.js';
import type { LiveKitServer } from './livekit.js';
import { startChromiumPublisher } from './chromium-publisher.js';
import { startPublisher } from './publisher-client.js';

const StartSynced = graphql(`
  mutation StartSyncedSession($roomName: String!, $mode: RecordingMode) {
    startSession(input: { roomName: $roomName, record: true, recordingMode: $mode }) {
      id
      startedAt
    }
  }
`);

const StopSynced = graphql(`
  mutation StopSyncedRecording($roomName: String!) {
    stopRecording(roomName: $roomName) {
      state
      files {
        kind
        path
      }
    }
  }
`);

const EndSynced = graphql(`
  mutation EndSyncedSession($roomName: String!) {
    stopSession(roomName: $roomName) {
      id
    }
  }
`);

const SyncedTracks = graphql(`
  query SyncedTracks($roomName: String!) {
    session(roomName: $roomName) {
      participants {
        tracks {
          kind
        }
      }
    }
  }
`);

const SyncedFrames = graphql(`
  subscription SyncedFrames($roomName: String!) {
    videoFrames(roomName: $roomName, options: { format: I420, maxWidth: 64 }) {
      seq
      timestampUs
      width
      height
      chunkIndex
      chunkCount
      data
      trackSid
    }
  }
`);

const SyncedAudio = graphql(`
  subscription SyncedAudio($roomName: String!) {
    audioFrames(roomName: $roomName, options: { channels: 1, sampleRate: 48000, chunkMs: 20 }) {
      timestampUs
      samplesPerChannel
      data
    }
  }
`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Flash onsets (µs, session clock) in live I420 frames: the first bright frame after a dark one. */
function liveFlashes(frames: { timestampUs: number; width: number; height: number; data: Buffer }[]): number[] {
  const luma = frames.map((frame) => {
    let sum = 0;
    const pixels = frame.width * frame.height;
    for (let i = 0; i < pixels; i++) sum += frame.data[i];
    return sum / pixels;
  });
  const threshold = (Math.min(...luma) + Math.max(...luma)) / 2;
  const onsets: number[] = [];
  for (let i = 1; i < frames.length; i++) {
    if (luma[i] >= threshold && luma[i - 1] < threshold && (!onsets.length || frames[i].timestampUs - onsets.at(-1)! > 500_000)) onsets.push(frames[i].timestampUs);
  }
  return onsets;
}

/** Beep onsets (µs, session clock) in live audio chunks: the first loud sample after quiet. */
function liveBeeps(chunks: { timestampUs: string; samplesPerChannel: number; data: string }[]): number[] {
  const onsets: number[] = [];
  let quietSince = -Infinity;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk.data, 'base64');
    const samples = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1);
    for (let i = 0; i < samples.length; i++) {
      const at = Number(chunk.timestampUs) + (i * 1e6) / 48_000;
      if (Math.abs(samples[i]) > 3_000) {
        if (at - quietSince > 500_000) onsets.push(at);
        quietSince = Infinity;
      } else if (quietSince === Infinity) {
        quietSince = at;
      }
    }
  }
  return onsets;
}

/**
 * For each flash after the first beep: the nearest beep minus the flash (ms), with the flash's
 * time (s); and the flashes whose beep is missing (none within half a second: the beeps are a
 * second apart), which are no offset.
 */
function pair(flashes: number[], beeps: number[], unit: number): { pairs: SyncPair[]; missing: number[] } {
  const all = flashes
    .filter((flash) => beeps.length && flash > beeps[0] - 0.5 * unit)
    .map((flash) => {
      const nearest = beeps.reduce((best, beep) => (Math.abs(beep - flash) < Math.abs(best - flash) ? beep : best), Infinity);
      return { atSec: flash / unit, offsetMs: ((nearest - flash) / unit) * 1000 };
    });
  const missing = all.filter((paired, i) => Math.abs(paired.offsetMs) >= 500 && i < all.length - 1).map((paired) => paired.atSec);
  // A flash in the last moment of a recording may have lost its beep to the cut: not counted missing.
  return { pairs: all.filter((paired) => Math.abs(paired.offsetMs) < 500), missing };
}

/** Least-squares slope of the offset over the pairs' times, ms per minute. */
function slopePerMinute(pairs: { atSec: number; offsetMs: number }[]): number {
  const n = pairs.length;
  const mt = pairs.reduce((sum, p) => sum + p.atSec, 0) / n;
  const mo = pairs.reduce((sum, p) => sum + p.offsetMs, 0) / n;
  const cov = pairs.reduce((sum, p) => sum + (p.atSec - mt) * (p.offsetMs - mo), 0);
  const vt = pairs.reduce((sum, p) => sum + (p.atSec - mt) ** 2, 0);
  return (cov / vt) * 60;
}

export interface SyncPair {
  atSec: number;
  offsetMs: number;
}

/** Audio-minus-video offsets of one run: in the combined file, and in live timestampUs. */
export interface Measured {
  recorded: SyncPair[];
  live: SyncPair[];
  /** Flashes the video had after the first beep, for each. */
  flashes: { recorded: number; live: number };
  /** Times (s) of flashes without a beep within half a second, for each. */
  missingBeeps: { recorded: number[]; live: number[] };
  /** Wall-clock ms the session (its clock's zero, and the recording's start) began at. */
  startedAtMs: number;
  /** PASSTHROUGH: how the combined file lined video up with audio (manifest.json's alignment). */
  alignment?: unknown;
}

export interface SyncSummary {
  flashes: number;
  worstMs: number;
  meanMs: number;
  /** Least-squares slope over the last 50 s, ms per minute. */
  slopeMsPerMin: number;
  /** Median offset of the last 10 flashes minus that of the first 10, ms: drift, which a single step moves by its size only. */
  driftMs: number;
  /** Highest minus lowest offset, ms: how far the offset moves within the run (the publisher's own mean left out). */
  bandMs: number;
}

/**
 * How far the offset moved across stalls: the largest distance of a flash from 1 s after a stall
 * on from the median before the first stall, ms.
 */
export function shiftAcrossStalls(pairs: SyncPair[], stallSec: number[]): number {
  if (!stallSec.length) return 0;
  const before = pairs.filter((p) => p.atSec < stallSec[0] - 1).map((p) => p.offsetMs);
  const after = pairs.filter((p) => p.atSec >= stallSec[0] + 1 && !stallSec.some((s) => p.atSec >= s - 1 && p.atSec < s + 1));
  if (!before.length || !after.length) return NaN;
  const base = median(before);
  return Math.max(...after.map((p) => Math.abs(p.offsetMs - base)));
}

/**
 * The first beeps after the audio track starts fall in the seconds its clock settles in: the
 * jitter buffer grows over its first second (20 to 70 ms here) while the first window judges
 * arrivals by its statistics. They are judged apart from the rest.
 */
export const SETTLING_FLASHES = 2;

/** The flashes judged against the goals: those after the settling ones. */
export function settled(pairs: SyncPair[]): SyncPair[] {
  return pairs.slice(SETTLING_FLASHES);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

export function summarize(pairs: SyncPair[]): SyncSummary {
  const last50 = pairs.filter((p) => p.atSec >= (pairs.at(-1)?.atSec ?? 0) - 50);
  const offsets = pairs.map((p) => p.offsetMs);
  return {
    flashes: pairs.length,
    worstMs: Math.max(...offsets.map(Math.abs)),
    meanMs: offsets.reduce((sum, o) => sum + o, 0) / pairs.length,
    slopeMsPerMin: slopePerMinute(last50),
    driftMs: median(offsets.slice(-10)) - median(offsets.slice(0, 10)),
    bandMs: Math.max(...offsets) - Math.min(...offsets),
  };
}

export interface SyncRun {
  /** haven-live's URL, and a graphql-ws client of it. */
  url: string;
  client: Client;
  livekit: Pick<LiveKitServer, 'url' | 'apiKey' | 'apiSecret'>;
  room: string;
  seconds: number;
  /**
   * `own`: the project's publisher, which keeps its audio source 100 ms ahead so that it never
   * runs dry. `independent`: audio pushed in real time into a 50 ms queue, as an application
   * with a microphone does (part of its offset is its own send delay, which varies by run).
   * `chromium`: livekit-client in Chromium, a canvas and Web Audio (chromium-publisher.ts), as a
   * web application publishes, through Chromium's own WebRTC.
   */
  publisher?: 'own' | 'independent' | 'chromium';
  /** How the room is recorded (default: the server's). */
  mode?: 'PASSTHROUGH' | 'TRANSCODE';
  /** Runs once the audio flows; told the ms since the recording started. */
  condition?: (sinceStartMs: () => number) => Promise<void>;
}

/**
 * Records and watches a metronome (a white flash and a beep on the same instant every second,
 * audio published 3 s after video) for `seconds`, while `condition` runs.
 */
export async function measureAvSync(run: SyncRun): Promise<Measured> {
  const { url, client, livekit, room } = run;
  const who = { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity: 'metronome' };
  const pub = run.publisher === 'chromium' ? await startChromiumPublisher(who) : await startPublisher(who);
  try {
    await pub.publishVideo({ width: 320, height: 180, fps: 30, syncFlash: true });
    const { startSession } = await query(url, StartSynced, { roomName: room, mode: run.mode ?? null });
    const video = subscribe(client, SyncedFrames, { roomName: room });
    await video.waitFor(() => true, 30_000, 'a live video frame');
    const started = Date.now();
    await sleep(3_000);
    await pub.publishAudio({ syncFlash: true, realtime: run.publisher === 'independent' });
    for (let tries = 0; ; tries++) {
      const { session } = await query(url, SyncedTracks, { roomName: room });
      if (session?.participants.some((p) => p.tracks.some((track) => track.kind === 'AUDIO'))) break;
      if (tries > 100) throw new Error('the audio track never reached the session');
      await sleep(100);
    }
    const audio = subscribe(client, SyncedAudio, { roomName: room });
    await audio.waitFor(() => true, 30_000, 'a live audio chunk');
    await run.condition?.(() => Date.now() - started);
    await sleep(Math.max(0, started + run.seconds * 1000 - Date.now()));
    video.unsubscribe();
    audio.unsubscribe();
    const [recording] = (await query(url, StopSynced, { roomName: room })).stopRecording;
    await query(url, EndSynced, { roomName: room });
    if (recording.state !== 'COMPLETE') throw new Error(`the recording ended ${recording.state}`);
    const combined = recording.files.find((file) => file.kind === 'COMBINED')!;
    const report = measureSync(combined.path, 30, { frames: run.mode === 'PASSTHROUGH' ? 'pts' : 'constant' });
    const recorded = pair(
      report.flashes.map((s) => s * 1e6),
      report.beeps.map((s) => s * 1e6),
      1e6,
    );
    const frames = reassemble(video.values.map((v) => v.videoFrames));
    const live = pair(liveFlashes(frames), liveBeeps(audio.values.map((v) => v.audioFrames)), 1e6);
    return {
      recorded: recorded.pairs,
      live: live.pairs,
      flashes: { recorded: recorded.pairs.length, live: live.pairs.length },
      missingBeeps: { recorded: recorded.missing, live: live.missing },
      startedAtMs: new Date(startSession.startedAt).getTime(),
      alignment: (JSON.parse(readFileSync(join(dirname(combined.path), 'manifest.json'), 'utf8')) as { alignment?: unknown }).alignment,
    };
  } finally {
    await pub.disconnect();
  }
}

/** Busy-loops every core with other processes until stopped. */
export function busyLoops(count: number): () => void {
  const hogs: ChildProcess[] = [];
  for (let i = 0; i < count; i++) hogs.push(spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
  return () => hogs.forEach((hog) => hog.kill('SIGKILL'));
}

/**
 * Stops a process for 300 ms (SIGSTOP, SIGCONT) at 15 s and 30 s into the run; `at` gets the
 * wall-clock ms of each. `pid` may be looked up when the stall comes (a process started by the run).
 */
export function stallTwice(pid: number | (() => number[]), at: number[] = []): (sinceStartMs: () => number) => Promise<void> {
  const stall = async () => {
    const targets = typeof pid === 'number' ? [pid] : pid();
    at.push(Date.now());
    for (const target of targets) process.kill(target, 'SIGSTOP');
    await sleep(300);
    for (const target of targets) process.kill(target, 'SIGCONT');
  };
  return async (since) => {
    await sleep(Math.max(0, 15_000 - since()));
    await stall();
    await sleep(Math.max(0, 30_000 - since()));
    await stall();
  };
}
