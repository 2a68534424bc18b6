import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { launchBrowser, screenshot } from './harness/browser.js';
import { reassemble } from './harness/frames.js';
import { query, subscribe, wsClient } from './harness/graphql.js';
import { decodeJpeg, meanDifference, toneFrequency } from './harness/media-check.js';
import { StartSession } from './harness/operations.js';
import { freeTcpPort } from './harness/ports.js';

const ROOT = join(import.meta.dirname, '..');
const IDENTITY = 'demo-camera';

const DemoVideoFrames = graphql(`
  subscription DemoVideoFrames($roomName: String!) {
    videoFrames(roomName: $roomName, options: { maxWidth: 640 }) {
      participantIdentity
      trackSid
      seq
      chunkIndex
      chunkCount
      width
      height
      timestampUs
      data
    }
  }
`);

const DemoAudioFrames = graphql(`
  subscription DemoAudioFrames($roomName: String!) {
    audioFrames(roomName: $roomName, options: { sampleRate: 16000, channels: 1, chunkMs: 40 }) {
      participantIdentity
      sampleRate
      channels
      data
    }
  }
`);

const DemoStartRecording = graphql(`
  mutation DemoStartRecording($roomName: String!) {
    startRecording(roomName: $roomName) {
      id
      state
    }
  }
`);

interface Demo {
  child: ChildProcess;
  dir: string;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: Demo[] = [];

/** `npm run demo` as a terminal starts it: the leader of its own process group. */
async function startDemo(env: Record<string, string>): Promise<Demo> {
  const dir = mkdtempSync(join(tmpdir(), 'haven-demo-test-'));
  const port = await freeTcpPort();
  const child = spawn('npm', ['run', 'demo'], {
    cwd: ROOT,
    env: { ...process.env, DEMO_PORT: String(port), DEMO_DIR: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const demo: Demo = { child, dir, url: '', output: () => output, exited };
  running.push(demo);
  // A first build of the live view page can take a while on a loaded machine.
  const deadline = Date.now() + 150_000;
  for (;;) {
    const printed = /open (http:\/\/127\.0\.0\.1:(\d+))\/ /.exec(output);
    if (printed) {
      expect(Number(printed[2])).toBe(port);
      demo.url = printed[1]!;
      return demo;
    }
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      throw new Error(`the demo did not print its address:\n${output}\n${logs(dir)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function logs(dir: string): string {
  const folder = join(dir, 'logs');
  if (!existsSync(folder)) return '';
  return readdirSync(folder)
    .map((name) => `--- ${name}\n${readFileSync(join(folder, name), 'utf8').slice(-3000)}`)
    .join('\n');
}

/** Processes started for this demo: they all carry its DEMO_DIR in their environment or command line. */
function leftovers(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      if (environ.includes(`DEMO_DIR=${dir}\0`) || cmdline.includes(dir)) found.push(`${pid}: ${cmdline.replaceAll('\0', ' ').slice(0, 160)}`);
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

async function noLeftovers(dir: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (leftovers(dir).length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  expect(leftovers(dir)).toEqual([]);
}

/** Ctrl-C in the terminal: SIGINT to the whole process group. */
async function interrupt(demo: Demo): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const start = Date.now();
  process.kill(-demo.child.pid!, 'SIGINT');
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the demo did not exit within 20 s of Ctrl-C:\n${demo.output()}`)), 20_000));
  const exit = await Promise.race([demo.exited, timeout]);
  return { ...exit, ms: Date.now() - start };
}

/** Through the printed address: the demo participant's tracks, a moving picture and the tone. */
async function checkMedia(url: string): Promise<void> {
  const { startSession } = await query(url, StartSession, { roomName: 'demo' });
  const camera = startSession.participants.find((p) => p.identity === IDENTITY);
  expect(camera, JSON.stringify(startSession)).toBeDefined();
  expect(camera!.tracks.map((t) => t.kind).sort()).toEqual(['AUDIO', 'VIDEO']);

  const client = wsClient(url);
  try {
    const video = subscribe(client, DemoVideoFrames, { roomName: 'demo' });
    const audio = subscribe(client, DemoAudioFrames, { roomName: 'demo' });
    const frames = () => reassemble(video.values.map((v) => v.videoFrames));
    // A second of pictures, whatever the rate: the bar crosses the picture in 2 s, so a picture a
    // second after the first has it half a picture away.
    const later = () => frames().find((frame) => frame.timestampUs - frames()[0]!.timestampUs >= 1_000_000);
    await video.waitFor(() => frames().length >= 20 && later() !== undefined, 30_000, '20 video frames over 1 s');
    await audio.waitFor(() => audio.values.length >= 50, 30_000, '50 audio chunks');
    video.unsubscribe();
    audio.unsubscribe();

    expect(frames().every((frame) => frame.width === 640 && frame.height === 360)).toBe(true);
    // Two decodes only: each blocks this process, and a blocked client can reuse a connection the server has closed.
    const first = decodeJpeg(frames()[0]!.data);
    const last = decodeJpeg(later()!.data);
    const lit = (gray: Buffer) => gray.filter((v) => v > 150).length / gray.length;
    // The clock's digits and the bar are bright on a dark background; they change.
    expect(lit(last.gray)).toBeGreaterThan(0.03);
    expect(meanDifference(first.gray, last.gray)).toBeGreaterThan(1);

    const values = audio.values.map((v) => v.audioFrames);
    expect(values.every((v) => v.participantIdentity === IDENTITY && v.sampleRate === 16000 && v.channels === 1)).toBe(true);
    const pcm = Buffer.concat(values.slice(10).map((v) => Buffer.from(v.data, 'base64')));
    const samples = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length / 2);
    expect(Math.abs(toneFrequency(samples, 1, 16000) - 440)).toBeLessThan(10);
  } finally {
    await client.dispose();
  }
}

/** The page at / in a browser: the live view showing the demo session, or GraphiQL where the page is not there. */
async function checkPage(browser: Browser, url: string, name: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    const response = await page.goto(`${url}/`);
    if (existsSync(join(ROOT, 'web', 'index.html'))) {
      expect(response?.status()).toBe(200);
      const session = page.locator('[data-testid="active-session"][data-room="demo"]');
      await session.waitFor({ timeout: 30_000 });
      await session.getByTestId('view-session').click();
      await page.locator(`[data-testid="video-tile"][data-identity="${IDENTITY}"] [data-testid="fps"]:not([data-fps="0"])`).waitFor({ timeout: 30_000 });
    } else {
      expect(response?.status()).toBeLessThan(600);
      await page.goto(`${url}/graphql`);
      await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ state: 'visible', timeout: 60_000 });
    }
    await screenshot(page, name);
  } finally {
    await page.close();
  }
}

function recordingStates(dir: string): { state: string; finalized_at: number | null }[] {
  const db = new Database(join(dir, 'haven.db'), { readonly: true });
  try {
    return db.prepare('select state, finalized_at from recordings').all() as { state: string; finalized_at: number | null }[];
  } finally {
    db.close();
  }
}

describe('npm run demo', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(() => {
    for (const demo of running.splice(0)) {
      try {
        process.kill(-demo.child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      rmSync(demo.dir, { recursive: true, force: true });
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('starts livekit-server, the publisher and haven-live in this network namespace; Ctrl-C stops all of it with exit code 0', async () => {
    // The suite runs in a private network namespace (HAVEN_NETNS, HAVEN_NODE_IP): the demo uses its address.
    const demo = await startDemo({});
    expect(demo.output()).toContain(`media address ${process.env.HAVEN_NODE_IP}`);
    await checkMedia(demo.url);
    const [recording] = (await query(demo.url, DemoStartRecording, { roomName: 'demo' })).startRecording;
    expect(recording?.state).toBe('RECORDING');
    await checkPage(browser, demo.url, 'demo-page');

    const exit = await interrupt(demo);
    expect(exit, demo.output()).toMatchObject({ code: 0, signal: null });
    await noLeftovers(demo.dir, 5_000);
    // haven-live finished the recording before it went.
    const states = recordingStates(demo.dir);
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((r) => r.state === 'COMPLETE' && r.finalized_at !== null), JSON.stringify(states)).toBe(true);
  }, 300_000);

  it('runs in a network namespace of its own behind a bridge to 127.0.0.1:DEMO_PORT (HTTP, WebSocket, the page); Ctrl-C stops all of it', async () => {
    const demo = await startDemo({ DEMO_NETNS: '1' });
    expect(demo.output()).toContain('bridged to haven-live inside it');
    await checkMedia(demo.url);
    await checkPage(browser, demo.url, 'demo-page-bridged');

    const exit = await interrupt(demo);
    expect(exit, demo.output()).toMatchObject({ code: 0, signal: null });
    await noLeftovers(demo.dir, 5_000);
  }, 300_000);

  it('says which setting to change when DEMO_PORT is taken, and starts nothing', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
    const port = (taken.address() as AddressInfo).port;
    const dir = mkdtempSync(join(tmpdir(), 'haven-demo-test-'));
    try {
      const child = spawn('npm', ['run', 'demo'], { cwd: ROOT, env: { ...process.env, DEMO_PORT: String(port), DEMO_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      let output = '';
      child.stdout!.on('data', (chunk) => (output += chunk));
      child.stderr!.on('data', (chunk) => (output += chunk));
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code, output).toBe(1);
      expect(output).toContain(`cannot listen on 127.0.0.1:${port}`);
      expect(output).toContain('set DEMO_PORT to a free port');
      await noLeftovers(dir, 5_000);
    } finally {
      taken.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('leaves nothing running when it is killed hard', async () => {
    const demo = await startDemo({ DEMO_NETNS: '1' });
    expect(leftovers(demo.dir).length).toBeGreaterThan(3);
    process.kill(-demo.child.pid!, 'SIGKILL');
    await demo.exited;
    // Its watchdog ends the rest: politely first, then for good within 10 s.
    await noLeftovers(demo.dir, 20_000);
  }, 300_000);
});
