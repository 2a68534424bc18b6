import { execFile } from 'node:child_process';
import { statfs } from 'node:fs/promises';
import type { Storage } from './db/client.js';
import { ffmpegPath } from './ffmpeg.js';
import { expandRecordingDirectory, prepareRecordingDirectory } from './recording-directory.js';
import { describeStorageError, type ObjectStorage } from './object-storage.js';
import type { ConfigService } from './services/config.js';

/** One dependency's state: `ok`, and when not, a reason a person can act on. Nothing secret. */
export interface Check {
  ok: boolean;
  reason?: string;
  [detail: string]: unknown;
}

export interface Health {
  ok: boolean;
  checks: { database: Check; ffmpeg: Check; recordingDirectory: Check; livekit: Check; storage: Check; passthrough: Check };
}

export interface HealthOptions {
  /** Free space (MB) below which recordings stop, so the server cannot record (HAVEN_MIN_FREE_MB). */
  minFreeMb: number;
  /** How long the LiveKit server may take to answer (default 2 s). */
  livekitTimeoutMs?: number;
  /** Object storage, when recordings are uploaded. */
  storage?: ObjectStorage;
  /** Whether the media tap is built (PASSTHROUGH recording), and the mode recordings take by default. */
  passthrough?: { available: boolean; reason?: string; defaultMode: string };
}

/** How long a good ffmpeg answer is trusted before it is asked again. */
const FFMPEG_RECHECK_MS = 60_000;

/**
 * What /healthz reports: whether this server can do its work now. Checks the database, ffmpeg,
 * the recording directory (writable, free space) and whether the LiveKit server answers.
 */
export class HealthCheck {
  private ffmpegOkUntil = 0;

  constructor(
    private readonly db: Storage,
    private readonly config: ConfigService,
    private readonly options: HealthOptions,
  ) {}

  async check(): Promise<Health> {
    const [database, ffmpeg, recordingDirectory, livekit, storage] = await Promise.all([
      this.database(),
      this.ffmpeg(),
      this.recordingDirectory(),
      this.livekit(),
      this.storage(),
    ]);
    const checks = { database, ffmpeg, recordingDirectory, livekit, storage, passthrough: this.passthrough() };
    return { ok: Object.values(checks).every((check) => check.ok), checks };
  }

  /**
   * Whether PASSTHROUGH recording can be used. Without the media tap recordings are made in TRANSCODE:
   * the server still works, so this is ok unless PASSTHROUGH is the default it was told to use.
   */
  private passthrough(): Check {
    const tap = this.options.passthrough;
    if (!tap) return { ok: true, available: false };
    if (tap.available) return { ok: true, available: true, defaultMode: tap.defaultMode };
    return { ok: true, available: false, defaultMode: tap.defaultMode, reason: `PASSTHROUGH recording is unavailable: ${tap.reason}` };
  }

  /** The bucket answers to the credentials (a HEAD of it); with no object storage set, ok and `configured: false`. */
  private async storage(): Promise<Check> {
    const storage = this.options.storage;
    if (!storage) return { ok: true, configured: false };
    try {
      await storage.check();
      return { ok: true, configured: true, bucket: storage.bucket };
    } catch (error) {
      return { ok: false, configured: true, bucket: storage.bucket, reason: `object storage cannot be used: ${describeStorageError(error)}` };
    }
  }

  private async database(): Promise<Check> {
    try {
      await this.db.ping();
      return { ok: true };
    } catch {
      return { ok: false, reason: 'the database cannot be read' };
    }
  }

  private async ffmpeg(): Promise<Check> {
    if (Date.now() < this.ffmpegOkUntil) return { ok: true };
    let path: string;
    try {
      path = ffmpegPath();
    } catch {
      return { ok: false, reason: 'ffmpeg not found: set FFMPEG_PATH or install ffmpeg' };
    }
    const ran = await new Promise<boolean>((resolve) => execFile(path, ['-version'], { timeout: 5_000 }, (error) => resolve(!error)));
    if (!ran) return { ok: false, reason: 'ffmpeg does not run: check FFMPEG_PATH' };
    this.ffmpegOkUntil = Date.now() + FFMPEG_RECHECK_MS;
    return { ok: true };
  }

  private async recordingDirectory(): Promise<Check> {
    const configured = this.config.get().recordingDirectory;
    try {
      // The same check a recording's start makes: a writable folder outside the system folders.
      await prepareRecordingDirectory(configured);
    } catch {
      return { ok: false, reason: 'the recording directory cannot be written: check HAVEN_RECORDING_DIR or recordingDirectory' };
    }
    try {
      const stats = await statfs(expandRecordingDirectory(configured));
      const freeMb = Math.floor((stats.bavail * stats.bsize) / 1024 / 1024);
      if (freeMb < this.options.minFreeMb) {
        return { ok: false, freeMb, reason: `the recording directory has ${freeMb} MB free, below HAVEN_MIN_FREE_MB (${this.options.minFreeMb})` };
      }
      return { ok: true, freeMb };
    } catch {
      return { ok: false, reason: 'the free space of the recording directory cannot be read' };
    }
  }

  private async livekit(): Promise<Check> {
    const configured = this.config.get().livekitUrl;
    if (!configured) return { ok: false, reason: 'livekitUrl is not set: set LIVEKIT_URL or call updateConfig' };
    const started = performance.now();
    try {
      const url = new URL(configured);
      url.protocol = url.protocol === 'wss:' || url.protocol === 'https:' ? 'https:' : 'http:';
      // Any HTTP answer means the server is there; its root answers "OK".
      const response = await fetch(url, { signal: AbortSignal.timeout(this.options.livekitTimeoutMs ?? 2_000), redirect: 'manual' });
      await response.body?.cancel();
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return { ok: false, reason: timedOut ? 'the LiveKit server did not answer in time' : 'the LiveKit server is unreachable' };
    }
  }
}
