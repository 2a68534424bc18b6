import { readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Logger } from 'pino';
import { describeStorageError, type ObjectStorage } from '../object-storage.js';
import { MANIFEST_FILE, type RecordingFile } from './recording-model.js';
import type { RecordingStore } from './recording-store.js';
import { RateLimit } from './rate-limit.js';

export interface UploadOptions {
  /** Recordings uploaded at once (default 2; HAVEN_UPLOADS). */
  concurrency?: number;
  /** First wait before a failed upload is tried again, doubled each time up to `retryMaxMs` (defaults 2 s and 60 s). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Upload rate for all uploads together, MB/s (HAVEN_UPLOAD_MBPS; default 0: as fast as the network goes). */
  megabytesPerSec?: number;
}

const CONTENT_TYPES: Record<string, string> = { '.mp4': 'video/mp4', '.wav': 'audio/wav', '.json': 'application/json' };

/** The wait before the next try after `failures` failures in a row. */
export function retryDelayMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Uploads finished recordings to object storage in the background, at most `concurrency` at once,
 * one file after the other, the manifest (listing the object keys) last. A file's local copy is
 * removed only once every file of its recording is stored and checked; a failed upload is tried
 * again with backoff for as long as it takes, its files kept. Each file's `storage` says where it
 * is. A restart finds what is pending in the catalog and goes on.
 */
export class RecordingUploads {
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly active = new Map<string, AbortController>();
  private readonly retries = new Map<string, { timer: NodeJS.Timeout; failures: number }>();
  /** The last change of each recording's file list: the next one reads what it wrote. */
  private readonly edits = new Map<string, Promise<unknown>>();
  private readonly concurrency: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private stopped = false;
  /** A cap on the bandwidth uploads take, when one is set. */
  private readonly rate: RateLimit | undefined;
  bytesUploaded = 0;
  failures = 0;

  constructor(
    private readonly store: RecordingStore,
    readonly storage: ObjectStorage,
    private readonly log: Logger,
    options: UploadOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 2;
    this.retryBaseMs = options.retryBaseMs ?? 2_000;
    this.retryMaxMs = options.retryMaxMs ?? 60_000;
    const megabytesPerSec = options.megabytesPerSec ?? 0;
    this.rate = megabytesPerSec > 0 ? new RateLimit(megabytesPerSec * 1e6) : undefined;
  }

  /** Recordings waiting for (or in) an upload, or waiting to try again. */
  get pending(): number {
    return new Set([...this.queued, ...this.active.keys(), ...this.retries.keys()]).size;
  }

  /** Queues every finished recording with a file waiting for upload (at start: what a restart left). */
  async resumePending(): Promise<number> {
    const ids = await this.store.withUnstoredFiles();
    for (const id of ids) this.enqueue(id);
    return ids.length;
  }

  /** Queues a finished recording's files for upload (UPLOADING from now on, in the catalog too). */
  enqueue(id: string): void {
    if (this.stopped || this.queued.has(id) || this.active.has(id)) return;
    void this.setFiles(id, (file) => (file.storage === 'STORED' || file.storage === 'UPLOAD_FAILED' ? file : { ...file, storage: 'UPLOADING' }));
    const retry = this.retries.get(id);
    if (retry) clearTimeout(retry.timer);
    this.queued.add(id);
    this.queue.push(id);
    this.pump();
  }

  /** Stops uploading a recording (it is being deleted) and waits until it has stopped. */
  async cancel(id: string): Promise<void> {
    const retry = this.retries.get(id);
    if (retry) clearTimeout(retry.timer);
    this.retries.delete(id);
    this.queued.delete(id);
    const index = this.queue.indexOf(id);
    if (index >= 0) this.queue.splice(index, 1);
    const controller = this.active.get(id);
    if (!controller) return;
    controller.abort();
    while (this.active.has(id)) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Stops every upload (shutdown): what was not stored stays pending for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    this.queue.length = 0;
    this.queued.clear();
    for (const controller of this.active.values()) controller.abort();
    // An aborted request settles at once; a stalled service is not waited for long.
    const deadline = Date.now() + 5_000;
    while (this.active.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private pump(): void {
    while (!this.stopped && this.active.size < this.concurrency && this.queue.length > 0) {
      const id = this.queue.shift()!;
      this.queued.delete(id);
      const controller = new AbortController();
      this.active.set(id, controller);
      void this.upload(id, controller.signal)
        .then(
          () => this.retries.delete(id),
          (error) => this.failed(id, error, controller.signal),
        )
        .finally(() => {
          this.active.delete(id);
          this.pump();
        });
    }
  }

  private failed(id: string, error: unknown, signal: AbortSignal): void {
    if (signal.aborted || this.stopped) return;
    this.failures++;
    const reason = describeStorageError(error);
    const failures = (this.retries.get(id)?.failures ?? 0) + 1;
    const waitMs = retryDelayMs(failures, this.retryBaseMs, this.retryMaxMs);
    this.log.warn({ recordingId: id, reason, retryInSec: waitMs / 1000 }, 'upload failed: the files are kept and it will be tried again');
    void this.setFiles(id, (file) => (file.storage === 'STORED' ? file : { ...file, storage: 'UPLOAD_FAILED', storageError: reason }));
    const timer = setTimeout(() => {
      this.retries.set(id, { timer, failures });
      this.enqueue(id);
    }, waitMs);
    timer.unref();
    this.retries.set(id, { timer, failures });
  }

  /** Changes a recording's files in the catalog, after the change before it; undefined when the row is gone or cannot be read. */
  private setFiles(id: string, change: (file: RecordingFile) => RecordingFile): Promise<RecordingFile[] | undefined> {
    const edit = (this.edits.get(id) ?? Promise.resolve()).then(async () => {
      const row = await this.store.row(id);
      if (!row) return undefined;
      const files = (JSON.parse(row.files) as RecordingFile[]).map(change);
      this.store.save(id, { files: JSON.stringify(files) });
      return files;
    });
    const settled = edit.catch((error: unknown) => {
      this.log.warn({ err: error, recordingId: id }, 'could not read a recording to change its files');
      return undefined;
    });
    this.edits.set(id, settled);
    void settled.then(() => this.edits.get(id) === settled && this.edits.delete(id));
    return settled;
  }

  private async upload(id: string, signal: AbortSignal): Promise<void> {
    const row = await this.store.row(id);
    if (!row) return;
    const folder = basename(row.directory);
    const files = JSON.parse(row.files) as RecordingFile[];
    for (const file of files) {
      if (signal.aborted) return;
      if (file.storage === 'STORED') continue;
      const objectKey = this.storage.key(folder, file.name);
      await this.setFiles(id, (f) => (f.name === file.name ? { ...f, storage: 'UPLOADING', storageError: null, objectKey } : f));
      const path = join(row.directory, file.name);
      const size = (await stat(path)).size;
      await this.storage.upload(objectKey, path, size, {
        contentType: contentType(file.name),
        signal,
        onBytes: (bytes) => (this.bytesUploaded += bytes),
        throttle: this.rate && (() => this.rate!.stream()),
      });
      if (signal.aborted) return;
      await this.setFiles(id, (f) => (f.name === file.name ? { ...f, storage: 'STORED', storageError: null, objectKey, sizeBytes: size } : f));
    }
    // The manifest last, listing where each file is: the recording in the bucket describes itself.
    const manifestPath = join(row.directory, MANIFEST_FILE);
    const manifest = await readFile(manifestPath, 'utf8').then(
      (text) => JSON.parse(text) as { files?: { name: string }[] },
      () => undefined,
    );
    if (manifest) {
      const keys = new Map(((await this.setFiles(id, (f) => f)) ?? []).map((f) => [f.name, f.objectKey]));
      manifest.files = (manifest.files ?? []).map((f) => ({ ...f, objectKey: keys.get(f.name) ?? null }));
      await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
      const manifestKey = this.storage.key(folder, MANIFEST_FILE);
      await this.storage.upload(manifestKey, manifestPath, (await stat(manifestPath)).size, { contentType: 'application/json', signal });
      if (signal.aborted) return;
    }
    // Every file is stored and checked: only now do the local copies go.
    const stored = await this.store.row(id);
    if (!stored) return;
    for (const file of JSON.parse(stored.files) as RecordingFile[]) await rm(join(row.directory, file.name), { force: true });
    await rm(manifestPath, { force: true });
    await rmdir(row.directory).catch(() => undefined);
    this.log.info({ recordingId: id, files: files.length }, 'recording uploaded');
  }
}

function contentType(name: string): string {
  return CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
}
