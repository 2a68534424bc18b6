import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { AccessToken } from 'livekit-server-sdk';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';

const require = createRequire(import.meta.url);

/**
 * A publisher as a web application makes one: Chromium running livekit-client (its UMD build), a
 * canvas drawn by a timer whose frames go out through a track generator as the camera, and a Web Audio
 * oscillator through a MediaStreamDestination as the microphone. With `syncFlash` the picture is
 * white and the tone sounds for 100 ms at every whole second of the wall clock, as the project's
 * own publisher does: a metronome for A/V sync measured through Chromium's own capture, encoders
 * and sender reports.
 */
export interface ChromiumPublisher {
  identity: string;
  publishVideo(opts?: { width?: number; height?: number; fps?: number }): Promise<string>;
  publishAudio(): Promise<string>;
  disconnect(): Promise<void>;
}

export async function startChromiumPublisher(opts: { url: string; apiKey: string; apiSecret: string; room: string; identity: string }): Promise<ChromiumPublisher> {
  const token = new AccessToken(opts.apiKey, opts.apiSecret, { identity: opts.identity, ttl: '1h' });
  token.addGrant({ roomJoin: true, room: opts.room, canPublish: true, canSubscribe: false });
  const jwt = await token.toJwt();
  // A page served from loopback: Chromium lets a page from there reach the private address
  // livekit-server listens on, which it refuses to about:blank or a public origin.
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><html><head><title>publisher</title></head><body></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Chromium gathers ICE candidates from every interface only for a page granted camera and
  // microphone (else only from the default route, which the test's network namespace has none of):
  // fake devices, granted without a prompt, to a page that asks for them once.
  const browser: Browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
  let page: Page;
  try {
    page = await browser.newPage();
    page.on('pageerror', (error) => process.stderr.write(`[chromium publisher] ${error.message}\n`));
    if (process.env.CHROMIUM_PUBLISHER_LOGS === '1') page.on('console', (message) => process.stderr.write(`[chromium publisher console] ${message.text()}\n`));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    // Functions handed to page.evaluate are compiled by whatever runs this file; tsx (the benches)
    // wraps them in esbuild's __name helper, which the page must have too.
    await page.evaluate('window.__name = (target) => target');
    await page.addScriptTag({ path: require.resolve('livekit-client') });
    await page.evaluate(
      async ({ url, token }) => {
        const granted = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
        for (const track of granted.getTracks()) track.stop();
        const lk = (window as unknown as { LivekitClient: typeof import('livekit-client') }).LivekitClient;
        const room = new lk.Room({ adaptiveStream: false, dynacast: false });
        await room.connect(url, token);
        (window as unknown as { room: unknown }).room = room;
      },
      { url: opts.url, token: jwt },
    );
  } catch (error) {
    await browser.close();
    server.close();
    throw error;
  }
  return {
    identity: opts.identity,
    publishVideo: ({ width = 320, height = 180, fps = 30 } = {}) =>
      page.evaluate(
        async ({ width, height, fps }) => {
          const lk = (window as unknown as { LivekitClient: typeof import('livekit-client') }).LivekitClient;
          const room = (window as unknown as { room: import('livekit-client').Room }).room;
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          document.body.appendChild(canvas);
          const context = canvas.getContext('2d')!;
          // Each picture is drawn for the instant it stands for (white for the first 100 ms of every
          // whole second), so a tick that runs late still shows the picture of its own slot.
          const draw = (at: number) => {
            const flash = at % 1000 < 100 - 1;
            context.fillStyle = flash ? '#ffffff' : '#181818';
            context.fillRect(0, 0, width, height);
            if (!flash) {
              // A moving bar, so that consecutive frames differ and the encoder keeps sending.
              context.fillStyle = '#808080';
              context.fillRect(Math.floor(((at % 2000) / 2000) * width), 0, width / 16, height);
            }
          };
          // Frames on a grid aligned to whole seconds, each taken from the canvas at once as a
          // VideoFrame stamped with its slot's time and written to a track generator (Chromium's
          // breakout box), as a camera stamps its frames at capture. (A canvas captured with
          // captureStream is read back later: a late timer's next frame could overwrite a picture
          // before it was taken, and a flash would start a frame late.)
          const Generator = (window as unknown as { MediaStreamTrackGenerator: new (init: { kind: 'video' }) => MediaStreamTrack & { writable: WritableStream<VideoFrame> } })
            .MediaStreamTrackGenerator;
          const captured = new Generator({ kind: 'video' });
          const writer = captured.writable.getWriter();
          const interval = 1000 / fps;
          const wallNow = () => performance.timeOrigin + performance.now();
          const start = Math.ceil(wallNow() / 1000) * 1000 + 0.5;
          let n = 0;
          let closed = false;
          const tick = () => {
            const late = wallNow() - (start + n * interval);
            if (late > interval) n += Math.floor(late / interval); // starved: skip, as a camera drops frames
            const at = start + n * interval;
            draw(at);
            const frame = new VideoFrame(canvas, { timestamp: Math.round((at - performance.timeOrigin) * 1000) });
            // Once the track is stopped (unpublished, the room left) its stream is closed: the ticks end.
            writer.write(frame).catch(() => {
              closed = true;
              frame.close();
            });
            n++;
            if (!closed) setTimeout(tick, Math.max(0, start + n * interval - wallNow()));
          };
          setTimeout(tick, Math.max(0, start - wallNow()));
          const track = new lk.LocalVideoTrack(captured);
          // The frame rate captured: livekit-client's preset for 180p sends 20 fps, dropping a third of
          // the frames, a flash's first among them at times (then it shows a frame or two late).
          const publication = await room.localParticipant.publishTrack(track, {
            simulcast: false,
            videoCodec: 'vp8',
            source: lk.Track.Source.Camera,
            videoEncoding: { maxBitrate: Math.round(width * height * fps * 0.15), maxFramerate: fps },
          });
          return publication.trackSid;
        },
        { width, height, fps },
      ),
    publishAudio: () =>
      page.evaluate(async () => {
        const lk = (window as unknown as { LivekitClient: typeof import('livekit-client') }).LivekitClient;
        const room = (window as unknown as { room: import('livekit-client').Room }).room;
        const audio = new AudioContext({ sampleRate: 48000 });
        await audio.resume();
        const tone = audio.createOscillator();
        tone.frequency.value = 1000;
        const gain = audio.createGain();
        gain.gain.value = 0;
        const destination = audio.createMediaStreamDestination();
        tone.connect(gain).connect(destination);
        tone.start();
        const scheduled = new Set<number>();
        // The audio clock against the wall clock: currentTime moves in steps of a render buffer, so
        // a reading just after a step is the closest; the largest difference over the last 2 s
        // (sampled every few ms) is taken, as one reading would be up to a buffer (10 ms) behind.
        const readings: { wall: number; ahead: number }[] = [];
        const read = () => {
          const wall = performance.timeOrigin + performance.now();
          readings.push({ wall, ahead: audio.currentTime - wall / 1000 });
          while (readings[0].wall < wall - 2000) readings.shift();
        };
        read();
        setInterval(read, 2);
        // Beeps at whole seconds of the wall clock, placed on the audio clock ahead of time.
        const schedule = () => {
          const wallNow = performance.timeOrigin + performance.now();
          const ahead = Math.max(...readings.map((reading) => reading.ahead));
          for (let k = 1; k <= 2; k++) {
            const second = Math.floor(wallNow / 1000) * 1000 + k * 1000;
            const at = second / 1000 + ahead;
            if (scheduled.has(second) || at <= audio.currentTime + 0.02) continue;
            scheduled.add(second);
            gain.gain.setValueAtTime(0.8, at);
            gain.gain.setValueAtTime(0, at + 0.1);
          }
        };
        schedule();
        setInterval(schedule, 250);
        const track = new lk.LocalAudioTrack(destination.stream.getAudioTracks()[0]);
        const publication = await room.localParticipant.publishTrack(track, { dtx: false, red: false, source: lk.Track.Source.Microphone });
        return publication.trackSid;
      }),
    async disconnect() {
      await page.evaluate(() => (window as unknown as { room: import('livekit-client').Room }).room.disconnect()).catch(() => undefined);
      await browser.close();
      server.close();
    },
  };
}
