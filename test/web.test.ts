import { execFile, execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { graphql } from './gql/index.js';
import { launchBrowser, screenshot } from './harness/browser.js';
import { query } from './harness/graphql.js';
import { startApp, type TestApp } from './harness/haven.js';
import { startLiveKit, type LiveKitServer } from './harness/livekit.js';
import { killAllPublishers, startPublisher, type Publisher } from './harness/publisher-client.js';

const TOKEN = 'web-page-token-0123456789abcdef';

const PageRoomSession = graphql(`
  query WebPageRoomSession($roomName: String!) {
    session(roomName: $roomName) {
      id
      state
      recordings {
        participantIdentity
        state
        pauses {
          start
          end
        }
      }
    }
  }
`);

const PageServerRooms = graphql(`
  query WebPageServerRooms {
    rooms {
      name
      recording
      session {
        id
        state
        rule {
          roomPattern
        }
      }
    }
  }
`);

const PageWatchRules = graphql(`
  query WebPageWatchRules {
    watchRules {
      id
      roomPattern
      enabled
    }
  }
`);

const PageStopSession = graphql(`
  mutation WebPageStopSession($roomName: String!) {
    stopSession(roomName: $roomName) {
      id
    }
  }
`);
const TONE_HZ = 440;

/** What the page reports about its audio output (web/src/audio/audio-output.ts). */
type HavenWindow = Window & {
  __haven?: { audio?: { rms: number; peakHz: number; state: string }; output?: { context: AudioContext; analyser: AnalyserNode } };
};

/** Mean luma of the canvas and a coarse copy of it, read in the page. */
async function canvasPixels(page: Page, identity: string): Promise<{ mean: number; bright: number; samples: number[] }> {
  return page.evaluate((who) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-testid="video-canvas"][data-identity="${who}"]`)!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    let bright = 0;
    const samples: number[] = [];
    for (let i = 0; i < data.length; i += 4) {
      const luma = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
      sum += luma;
      if (luma > 40) bright++;
      if ((i / 4) % 97 === 0) samples.push(luma);
    }
    return { mean: sum / (data.length / 4), bright: bright / (data.length / 4), samples };
  }, identity);
}

function meanAbsDifference(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += Math.abs(a[i] - b[i]);
  return sum / Math.min(a.length, b.length);
}

/** A command's exit status and output, without blocking the server under test. */
function run(command: string, args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** Browser errors, for a failure message that says what the page saw. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
  return problems;
}

describe('live view page', () => {
  let livekit: LiveKitServer;
  let app: TestApp;
  let browser: Browser;
  const publishers: Publisher[] = [];

  const publisher = async (room: string, identity: string) => {
    const pub = await startPublisher({ url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, room, identity });
    publishers.push(pub);
    return pub;
  };

  beforeAll(async () => {
    // The page under test is the one built from the current source.
    execFileSync('npm', ['run', 'build:web'], { stdio: 'pipe' });
    livekit = await startLiveKit();
    // Watch rules are applied to the server's rooms every 2 s (default 10 s).
    app = await startApp({ livekit, reconciler: { intervalSec: 2 } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const pub of publishers) await pub.disconnect().catch(() => undefined);
    killAllPublishers();
    await app?.close();
    await livekit?.stop();
  });

  it('starts a session, shows the event log, draws video, plays audio, records and plays the recording back', async () => {
    const room = 'web-room';
    const identity = 'camera-person';
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems = watch(page);
    const response = await page.goto(`${app.url}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByTestId('connection-status').and(page.locator('[data-state="connected"]')).waitFor({ timeout: 15_000 });

    const subscribers = app.services.sessions.journal.subscriberCount;
    await page.getByTestId('room-input').fill(room);
    await page.getByTestId('start-session').click();
    await page.locator(`[data-testid="active-session"][data-room="${room}"][data-state="CONNECTED"]`).waitFor({ timeout: 30_000 });
    // The page's event subscription is registered before the publisher joins, so it sees the join.
    await expect.poll(() => app.services.sessions.journal.subscriberCount, { timeout: 10_000 }).toBeGreaterThan(subscribers);

    const pub = await publisher(room, identity);
    await pub.publishVideo({ width: 640, height: 360, fps: 15 });
    const audioSid = await pub.publishAudio({ frequency: TONE_HZ, amplitude: 0.5 });
    await page.locator(`[data-testid="event"][data-type="ParticipantJoined"]`).filter({ hasText: identity }).waitFor({ timeout: 30_000 });
    await page.locator(`[data-testid="event"][data-type="TrackSubscribed"]`).first().waitFor({ timeout: 30_000 });
    await page.locator(`[data-testid="participant"][data-identity="${identity}"] [data-testid="track"][data-kind="AUDIO"][data-muted="false"]`).waitFor({ timeout: 30_000 });

    // The canvas shows a picture that moves.
    await page.locator(`[data-testid="video-tile"][data-identity="${identity}"] [data-testid="fps"]:not([data-fps="0"])`).waitFor({ timeout: 30_000 });
    const first = await canvasPixels(page, identity);
    await page.waitForTimeout(1_000);
    const second = await canvasPixels(page, identity);
    expect(first.bright, `share of lit pixels; page saw: ${problems.join('; ')}`).toBeGreaterThan(0.05);
    expect(second.bright).toBeGreaterThan(0.05);
    expect(meanAbsDifference(first.samples, second.samples)).toBeGreaterThan(0.5);
    const fps = Number(await page.locator(`[data-testid="video-tile"][data-identity="${identity}"] [data-testid="fps"]`).getAttribute('data-fps'));
    expect(fps).toBeGreaterThan(0);

    // The tone comes out of the page's audio output.
    await page.locator(`[data-testid="participant"][data-identity="${identity}"] [data-testid="listen"]`).click();
    await page.waitForFunction(
      (hz) => {
        const audio = (window as HavenWindow).__haven?.audio;
        return audio !== undefined && audio.rms > 0.02 && Math.abs(audio.peakHz - hz) < 15;
      },
      TONE_HZ,
      { timeout: 30_000, polling: 100 },
    );
    const level = await page.evaluate(() => (window as HavenWindow).__haven!.audio!);
    expect(level.state).toBe('running');
    expect(Math.abs(level.peakHz - TONE_HZ)).toBeLessThan(15);
    // Muting that participant silences the output.
    await page.locator(`[data-testid="participant"][data-identity="${identity}"] [data-testid="mute"]`).click();
    await page.waitForFunction(() => ((window as HavenWindow).__haven?.audio?.rms ?? 1) < 0.005, undefined, { timeout: 10_000, polling: 100 });
    await page.locator(`[data-testid="participant"][data-identity="${identity}"] [data-testid="mute"]`).click();
    await page.waitForFunction(() => ((window as HavenWindow).__haven?.audio?.rms ?? 0) > 0.02, undefined, { timeout: 10_000, polling: 100 });
    await screenshot(page, 'web-live-view');

    // Record a few seconds from the page, then play the recording back and seek in it.
    await page.locator(`[data-testid="active-session"][data-room="${room}"] [data-testid="start-recording"]`).click();
    await page.locator(`[data-testid="active-session"][data-room="${room}"] [data-testid="recording-badge"]`).waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid="recording"][data-participant="${identity}"][data-state="RECORDING"]`).waitFor({ timeout: 15_000 });
    // The publisher mutes its microphone for a while: the page shows it, and the recording's gap.
    await page.waitForTimeout(2_000);
    await pub.mute(audioSid);
    await page.locator(`[data-testid="event"][data-type="TrackMuted"]`).waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid="participant"][data-identity="${identity}"] [data-testid="track"][data-kind="AUDIO"][data-muted="true"]`).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(2_000);
    await pub.unmute(audioSid);
    await page.locator(`[data-testid="participant"][data-identity="${identity}"] [data-testid="track"][data-kind="AUDIO"][data-muted="false"]`).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(2_000);
    await page.locator(`[data-testid="active-session"][data-room="${room}"] [data-testid="stop-recording"]`).click();
    const recording = page.locator(`[data-testid="recording"][data-participant="${identity}"][data-state="COMPLETE"]`);
    await recording.waitFor({ timeout: 60_000 });
    expect(await recording.getByTestId('recording-duration').textContent()).toMatch(/^0:0[4-9]$|^0:1\d$/);
    const gaps = await recording.getByTestId('timeline-gap').evaluateAll((spans) => spans.map((span) => `${span.getAttribute('data-kind')} ${span.getAttribute('data-reason')}`));
    expect(gaps).toContain('AUDIO MUTED');
    expect(await recording.getByTestId('recording-size').textContent()).toMatch(/(KB|MB)$/);
    const video = recording.getByTestId('recording-video');
    await video.waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      (id) => {
        const element = document.querySelector<HTMLVideoElement>(`[data-testid="recording"][data-id="${id}"] video`);
        return element !== null && element.readyState >= 2;
      },
      await recording.getAttribute('data-id'),
      { timeout: 30_000 },
    );
    const seek = await video.evaluate(
      (element: HTMLVideoElement) =>
        new Promise<{ currentTime: number; duration: number; readyState: number; error: string | null }>((resolve) => {
          const target = Math.min(2, element.duration / 2);
          element.addEventListener('seeked', () => resolve({ currentTime: element.currentTime, duration: element.duration, readyState: element.readyState, error: null }), { once: true });
          element.addEventListener('error', () => resolve({ currentTime: -1, duration: element.duration, readyState: element.readyState, error: element.error?.message ?? 'error' }), { once: true });
          element.currentTime = target;
        }),
    );
    expect(seek.error).toBeNull();
    expect(seek.duration).toBeGreaterThan(2);
    expect(seek.currentTime).toBeGreaterThan(0.5);
    await screenshot(page, 'web-recording');

    await page.locator(`[data-testid="active-session"][data-room="${room}"] [data-testid="stop-session"]`).click();
    await page.locator(`[data-testid="past-session"][data-room="${room}"]`).first().waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);

  it('lists the server\'s rooms, records one from its row, pauses and resumes it, and applies a rule made in the editor', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const room = `rooms-page-${tag}`;
    const identity = 'rooms-page-person';
    const pattern = `rulepage-${tag}-*`;
    const ruledRoom = `rulepage-${tag}-1`;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems = watch(page);
    await page.goto(`${app.url}/`);
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
    const roomsNow = async () => (await query(app.url, PageServerRooms)).rooms;
    const sessionNow = async (roomName: string) => (await query(app.url, PageRoomSession, { roomName })).session;
    const statesNow = async () => (await sessionNow(room))?.recordings.filter((r) => r.participantIdentity === identity).map((r) => r.state) ?? [];

    // A room a publisher just made shows in the list, not watched yet.
    const pub = await publisher(room, identity);
    await pub.publishVideo({ width: 320, height: 180, fps: 15 });
    const row = page.locator(`[data-testid="server-room"][data-room="${room}"]`);
    await row.and(page.locator('[data-watched="false"]')).waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('room-rule').textContent()).toBe('not watched');

    // Record in its row watches and records it at once, and opens it in the room view.
    await row.getByTestId('record-room').click();
    await page.locator(`[data-testid="room"][data-room="${room}"]`).waitFor({ timeout: 30_000 });
    await expect.poll(statesNow, { timeout: 30_000, interval: 250 }).toEqual(['RECORDING']);
    await expect.poll(async () => (await roomsNow()).find((r) => r.name === room)?.recording, { timeout: 20_000, interval: 250 }).toBe(true);
    await row.and(page.locator('[data-recording="true"]')).waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('room-rule').textContent()).toBe('by hand');

    // Pause, then resume, beside Stop recording.
    const controls = page.locator(`[data-testid="active-session"][data-room="${room}"]`);
    await controls.getByTestId('pause-recording').click({ timeout: 20_000 });
    await expect.poll(statesNow, { timeout: 20_000, interval: 250 }).toEqual(['PAUSED']);
    await controls.getByTestId('paused-badge').waitFor({ timeout: 20_000 });
    await controls.getByTestId('resume-recording').click({ timeout: 20_000 });
    await expect.poll(statesNow, { timeout: 20_000, interval: 250 }).toEqual(['RECORDING']);
    await controls.getByTestId('recording-badge').waitFor({ timeout: 20_000 });
    const pauses = (await sessionNow(room))!.recordings.find((r) => r.participantIdentity === identity)!.pauses;
    expect(pauses).toHaveLength(1);
    expect(pauses[0].end).not.toBeNull();
    await page.locator(`[data-testid="recording"][data-participant="${identity}"] [data-testid="recording-pauses"][data-count="1"]`).waitFor({ timeout: 20_000 });
    await screenshot(page, 'web-rooms');
    await controls.getByTestId('stop-session').click();
    await page.locator(`[data-testid="past-session"][data-room="${room}"]`).first().waitFor({ timeout: 30_000 });
    await pub.disconnect();

    // The editor shows what the server refuses next to the form, then makes the rule.
    const form = page.getByTestId('rule-form');
    await form.getByTestId('rule-save').click();
    await form.locator('[data-testid="rule-form-error"][data-code="VALIDATION_FAILED"]').waitFor({ timeout: 10_000 });
    await form.getByLabel('Room pattern').fill(pattern);
    await form.getByLabel('End when empty for, s (empty: 30)').fill('5');
    await form.getByTestId('rule-save').click();
    const rule = page.locator(`[data-testid="watch-rule"][data-pattern="${pattern}"]`);
    await rule.and(page.locator('[data-enabled="true"]')).waitFor({ timeout: 10_000 });
    expect(await form.getByTestId('rule-form-error').count()).toBe(0);
    expect(await form.getByLabel('Room pattern').inputValue()).toBe('');

    // A room it matches is watched by itself, and the list names the rule.
    const guest = await publisher(ruledRoom, 'rule-page-guest');
    await expect
      .poll(async () => (await roomsNow()).find((r) => r.name === ruledRoom)?.session?.rule?.roomPattern, { timeout: 30_000, interval: 500 })
      .toBe(pattern);
    const ruledRow = page.locator(`[data-testid="server-room"][data-room="${ruledRoom}"]`);
    await ruledRow.getByTestId('room-rule').filter({ hasText: pattern }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'web-rules');

    // Switched off, then deleted, from its row; then its room is left.
    await rule.getByTestId('rule-toggle').click();
    await rule.and(page.locator('[data-enabled="false"]')).waitFor({ timeout: 10_000 });
    expect((await query(app.url, PageWatchRules)).watchRules.find((r) => r.roomPattern === pattern)?.enabled).toBe(false);
    await rule.getByTestId('rule-delete').click();
    await rule.waitFor({ state: 'detached', timeout: 10_000 });
    expect((await query(app.url, PageWatchRules)).watchRules.map((r) => r.roomPattern)).not.toContain(pattern);
    await query(app.url, PageStopSession, { roomName: ruledRoom });
    await guest.disconnect();
    expect(problems).toEqual([]);
    await page.close();

    // Without LiveKit settings the list says why, and the rest of the page works.
    const bare = await startApp({ environmentConfig: {} });
    const barePage = await browser.newPage();
    try {
      await barePage.goto(`${bare.url}/`);
      await barePage.locator('[data-testid="rooms-error"][data-code="NOT_CONFIGURED"]').waitFor({ timeout: 15_000 });
      await barePage.getByTestId('rule-form').waitFor({ timeout: 10_000 });
    } finally {
      await barePage.close();
      await bare.close();
    }
  }, 180_000);

  it('presents a participant\'s picture and sound together: flash and beep within 120 ms in the browser', async () => {
    const room = 'web-sync-room';
    const identity = 'sync-person';
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}/`);
    await page.getByTestId('room-input').fill(room);
    await page.getByTestId('start-session').click();
    await page.locator(`[data-testid="active-session"][data-room="${room}"][data-state="CONNECTED"]`).waitFor({ timeout: 30_000 });
    const pub = await publisher(room, identity);
    await pub.publishVideo({ width: 640, height: 360, fps: 30, syncFlash: true });
    await pub.publishAudio({ syncFlash: true, amplitude: 0.5 });
    await page.locator(`[data-testid="video-tile"][data-identity="${identity}"] [data-testid="fps"]:not([data-fps="0"])`).waitFor({ timeout: 30_000 });
    await page.locator(`[data-testid="participant"][data-identity="${identity}"] [data-testid="listen"]`).click();
    await page.waitForFunction(() => (window as HavenWindow).__haven?.output !== undefined && (window as HavenWindow).__haven?.audio?.state === 'running', undefined, {
      timeout: 15_000,
    });
    await page.waitForTimeout(2_000);

    // Watch what the page shows and plays: the canvas's mean brightness at every animation frame,
    // and the output's samples (the analyser's last 8192, placed on the output clock).
    await page.evaluate((who) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-testid="video-canvas"][data-identity="${who}"]`)!;
      const small = document.createElement('canvas');
      small.width = 16;
      small.height = 9;
      const smallContext = small.getContext('2d', { willReadFrequently: true })!;
      const { context, analyser } = (window as HavenWindow).__haven!.output!;
      const samples = new Float32Array(analyser.fftSize);
      const sync = { flashes: [] as number[], beeps: [] as number[] };
      (window as unknown as { __sync: typeof sync }).__sync = sync;
      let bright = false;
      const frame = () => {
        requestAnimationFrame(frame);
        smallContext.drawImage(canvas, 0, 0, 16, 9);
        const data = smallContext.getImageData(0, 0, 16, 9).data;
        let sum = 0;
        for (let i = 0; i < data.length; i += 4) sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
        const now = sum / (data.length / 4) > 160;
        if (now && !bright) sync.flashes.push(performance.now());
        bright = now;
      };
      requestAnimationFrame(frame);
      setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        const end = context.currentTime;
        const { contextTime, performanceTime } = context.getOutputTimestamp();
        // The first sample above the floor, with 30 ms of silence before it in the window: an onset.
        const quiet = Math.round(context.sampleRate * 0.03);
        const first = samples.findIndex((value) => Math.abs(value) > 0.02);
        if (first < quiet) return;
        const at = end - (samples.length - first) / context.sampleRate;
        const heard = performanceTime! + (at - contextTime!) * 1000;
        if (!sync.beeps.some((beep) => Math.abs(beep - heard) < 500)) sync.beeps.push(heard);
      }, 50);
    }, identity);
    await page.waitForTimeout(9_000);
    const { flashes, beeps } = await page.evaluate(() => (window as unknown as { __sync: { flashes: number[]; beeps: number[] } }).__sync);
    const offsets = beeps
      .map((beep) => flashes.reduce((best, flash) => (Math.abs(beep - flash) < Math.abs(best) ? beep - flash : best), Number.POSITIVE_INFINITY))
      .filter((offset) => Math.abs(offset) < 500)
      .sort((a, b) => a - b);
    const median = offsets[Math.floor(offsets.length / 2)];
    console.log(`live view A/V offset (sound minus picture), ms: median ${median?.toFixed(1)}, all ${offsets.map((o) => o.toFixed(0)).join(' ')}`);
    expect(flashes.length, `flashes seen at ${flashes.map(Math.round)}`).toBeGreaterThanOrEqual(5);
    expect(offsets.length, `beeps heard at ${beeps.map(Math.round)}, flashes at ${flashes.map(Math.round)}`).toBeGreaterThanOrEqual(5);
    expect(Math.abs(median)).toBeLessThan(120);
    await page.close();
  }, 120_000);

  it('asks for the API token once when the server wants one, then works with it', async () => {
    const guarded = await startApp({ livekit, access: { apiToken: TOKEN } });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${guarded.url}/`);
      await page.getByTestId('token-form').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('error').getAttribute('data-code')).toBe('UNAUTHENTICATED');
      await page.getByTestId('token-input').fill(TOKEN);
      await page.getByTestId('token-submit').click();
      await page.getByTestId('token-form').waitFor({ state: 'detached', timeout: 10_000 });
      await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });

      const room = 'web-token-room';
      const subscribers = guarded.services.sessions.journal.subscriberCount;
      await page.getByTestId('room-input').fill(room);
      await page.getByTestId('start-session').click();
      await page.locator(`[data-testid="active-session"][data-room="${room}"][data-state="CONNECTED"]`).waitFor({ timeout: 30_000 });
      await expect.poll(() => guarded.services.sessions.journal.subscriberCount, { timeout: 10_000 }).toBeGreaterThan(subscribers);
      await publisher(room, 'token-guest');
      await page.locator(`[data-testid="event"][data-type="ParticipantJoined"]`).filter({ hasText: 'token-guest' }).waitFor({ timeout: 30_000 });

      // Asked once: a reload in the same tab keeps the token.
      await page.reload();
      await page.locator(`[data-testid="active-session"][data-room="${room}"]`).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('token-form').count()).toBe(0);
      await screenshot(page, 'web-token');
      await page.locator(`[data-testid="active-session"][data-room="${room}"] [data-testid="stop-session"]`).click();
      await page.locator(`[data-testid="active-session"][data-room="${room}"]`).waitFor({ state: 'detached', timeout: 30_000 });
    } finally {
      await context.close();
      await guarded.close();
    }
  }, 120_000);

  it('reconnects by itself after the server restarts, subscribes again, and explains a refused value', async () => {
    const first = await startApp({ livekit });
    const port = Number(new URL(first.url).port);
    const page = await browser.newPage();
    let second: App | undefined;
    try {
      await page.goto(`${first.url}/`);
      await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
      const room = 'web-restart-room';
      await page.getByTestId('room-input').fill(room);
      await page.getByTestId('start-session').click();
      await page.locator(`[data-testid="active-session"][data-room="${room}"][data-state="CONNECTED"]`).waitFor({ timeout: 30_000 });
      await expect.poll(() => first.services.sessions.journal.subscriberCount, { timeout: 10_000 }).toBeGreaterThan(0);

      await first.stop();
      await page.locator('[data-testid="connection-status"][data-state="reconnecting"]').waitFor({ timeout: 15_000 });
      second = buildApp({
        logger: pino({ level: 'silent' }),
        databasePath: first.databasePath,
        recordings: { minFreeMb: 1 },
        environmentConfig: { recordingDirectory: join(first.dir, 'recordings'), livekitUrl: livekit.url, livekitApiKey: livekit.apiKey, livekitApiSecret: livekit.apiSecret },
      });
      await second.start(port);
      await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 30_000 });
      // graphql-ws subscribed the page's event log again on the new server.
      await expect.poll(() => second!.services.sessions.journal.subscriberCount, { timeout: 15_000 }).toBeGreaterThan(0);
      await page.locator(`[data-testid="past-session"][data-room="${room}"]`).first().waitFor({ timeout: 15_000 });

      await page.getByTestId('room-input').fill('x'.repeat(200));
      await page.getByTestId('start-session').click();
      const banner = page.locator('[data-testid="error"][data-code="VALIDATION_FAILED"]');
      await banner.waitFor({ timeout: 10_000 });
      expect(await banner.textContent()).toContain('A value was not accepted');
      await screenshot(page, 'web-restart');
    } finally {
      await page.close();
      await second?.stop();
      await first.close();
    }
  }, 120_000);

  it('serves the page only to allowed hosts, and says how to build it when it is missing', async () => {
    const page = await fetch(`${app.url}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    // fetch cannot set Host; a raw request can.
    const wrongHost = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${app.url}/`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(wrongHost).toBe(421);
    const { serveWebPage } = await import('../src/web-page.js');
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => serveWebPage(req, res, '/nonexistent-web-dist/'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const missing = await fetch(`http://127.0.0.1:${port}/`);
      expect(missing.status).toBe(503);
      expect(await missing.text()).toContain('npm run build:web');
    } finally {
      server.close();
    }
  });

  it('has generated typed documents (test/gql, web/src/gql) that match schema.graphql and the documents', async () => {
    const check = await run('npx', ['graphql-codegen', '--config', 'codegen.ts', '--check']);
    expect(check.status, `${check.output}\nRun \`npm run codegen\` and commit test/gql and web/src/gql.`).toBe(0);
  }, 120_000);

  it('type-checks the page in strict mode', async () => {
    const result = await run('npx', ['tsc', '--noEmit', '-p', 'web/tsconfig.json']);
    expect(result.output.replace(/^npm warn.*\n/gm, '')).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
