import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TapEvent } from '../src/media-tap.js';
import { RoomTap } from '../src/services/passthrough-recorder.js';

/**
 * A stand-in for the Go media tap (a unit test of RoomTap alone: the real tap's own tests are
 * test/tap.test.ts and test/passthrough.test.ts). It speaks the same JSON lines; what the first
 * process started does is set by FAKE_TAP_FIRST, every later one behaves: it joins and reports
 * packets for what it records. Each process writes the commands it got to FAKE_TAP_LOG.
 */
const FAKE_TAP = `#!/usr/bin/env node
const { appendFileSync, readFileSync, existsSync } = require('node:fs');
const log = process.env.FAKE_TAP_LOG;
const spawns = existsSync(log) ? new Set(readFileSync(log, 'utf8').split('\\n').filter(Boolean).map((l) => JSON.parse(l).pid)).size : 0;
const mode = spawns === 0 ? process.env.FAKE_TAP_FIRST : 'behave';
appendFileSync(log, JSON.stringify({ pid: process.pid, cmd: 'start', mode }) + '\\n');
const emit = (event) => process.stdout.write(JSON.stringify(event) + '\\n');
const recording = new Set();
let packets = true;
setInterval(() => {
  if (packets) for (const trackSid of recording) emit({ event: 'stats', trackSid, lastPacketAtMs: Date.now() });
}, 50);
let buffer = '';
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let newline;
  while ((newline = buffer.indexOf('\\n')) >= 0) {
    const command = JSON.parse(buffer.slice(0, newline));
    buffer = buffer.slice(newline + 1);
    appendFileSync(log, JSON.stringify({ pid: process.pid, ...command }) + '\\n');
    if (command.cmd === 'join') {
      if (mode === 'no-join') emit({ event: 'error', cmd: 'join', message: 'could not join the room: bad token' });
      else emit({ event: 'joined', room: 'r' });
    } else if (command.cmd === 'record') {
      recording.add(command.trackSid);
      if (mode === 'die') setTimeout(() => process.exit(3), 200);
      if (mode === 'reconnect-silent' || mode === 'reconnect-with-media') setTimeout(() => {
        emit({ event: 'reconnecting' });
        packets = mode === 'reconnect-with-media';
        emit({ event: 'reconnected' });
      }, 200);
    } else if (command.cmd === 'stop') {
      recording.delete(command.trackSid);
      emit({ event: 'stopped', trackSid: command.trackSid, reason: 'stop' });
    } else if (command.cmd === 'quit') process.exit(0);
  }
});
process.stdin.on('end', () => process.exit(0));
`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RoomTap: starting the media tap again (a fake tap process)', () => {
  let dir: string;
  let bin: string;
  let log: string;
  const taps: RoomTap[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'room-tap-'));
    bin = join(dir, 'fake-tap.cjs');
    writeFileSync(bin, FAKE_TAP);
    chmodSync(bin, 0o755);
  });

  afterEach(async () => {
    await Promise.all(taps.splice(0).map((tap) => tap.close()));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A RoomTap whose first process does `first`, recording one track; its events, and the commands each process got. */
  function start(first: string, name: string) {
    log = join(dir, `${name}.log`);
    process.env.FAKE_TAP_LOG = log;
    process.env.FAKE_TAP_FIRST = first;
    const tap = new RoomTap(bin, async () => ({ url: 'ws://127.0.0.1:1', token: 'token' }), pino({ level: 'silent' }), 400);
    taps.push(tap);
    const events: TapEvent[] = [];
    const listener = (event: TapEvent) => {
      events.push(event);
      // What PassthroughRecorder does: ask for the track again, into a new part.
      if (event.event === 'lost') tap.record('TR_cam', join(dir, `${name}.2.ivf`), listener, false);
    };
    tap.record('TR_cam', join(dir, `${name}.ivf`), listener, false);
    const commands = () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { pid: number; cmd: string; path?: string; mode?: string });
    return { tap, events, commands };
  }

  it('starts another tap at once when one dies, joins it, and the track is asked for again there', async () => {
    const { events, commands } = start('die', 'die');
    await expect.poll(() => commands().filter((c) => c.cmd === 'record').map((c) => c.path), { timeout: 5_000 }).toEqual([join(dir, 'die.ivf'), join(dir, 'die.2.ivf')]);
    const pids = [...new Set(commands().map((c) => c.pid))];
    expect(pids).toHaveLength(2);
    expect(commands().filter((c) => c.cmd === 'join').map((c) => c.pid)).toEqual(pids);
    const lost = events.filter((e) => e.event === 'lost');
    expect(lost).toHaveLength(1);
    expect(lost[0].message).toMatch(/exited \(code 3/);
    expect(events.some((e) => e.event === 'error')).toBe(false);
  });

  it('replaces a tap that reconnected to the room and then got no packet', async () => {
    const { events, commands } = start('reconnect-silent', 'silent');
    await expect.poll(() => events.filter((e) => e.event === 'lost').map((e) => e.message), { timeout: 5_000 }).toEqual(['no media came for 0.4 s after the media tap reconnected']);
    await expect.poll(() => commands().filter((c) => c.cmd === 'record').length, { timeout: 5_000 }).toBe(2);
    // The replaced tap was told to quit (and closes its files).
    expect(commands().filter((c) => c.cmd === 'quit').map((c) => c.pid)).toEqual([commands()[0].pid]);
  });

  it('keeps a tap that reconnected and gets packets again', async () => {
    const { events, commands } = start('reconnect-with-media', 'media');
    await sleep(1_500);
    expect(events.filter((e) => e.event === 'stats').length).toBeGreaterThan(10);
    expect(events.filter((e) => e.event === 'lost')).toEqual([]);
    expect(new Set(commands().map((c) => c.pid)).size).toBe(1);
  });

  it('fails the track, starting nothing else, when the first tap cannot join', async () => {
    const { events, commands } = start('no-join', 'no-join');
    await expect.poll(() => events.filter((e) => e.event === 'error').map((e) => e.message), { timeout: 5_000 }).toEqual(['the media tap could not join: could not join the room: bad token']);
    await sleep(500);
    expect(new Set(commands().map((c) => c.pid)).size).toBe(1);
    expect(events.some((e) => e.event === 'lost')).toBe(false);
  });
});
