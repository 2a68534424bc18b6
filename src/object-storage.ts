import { createReadStream } from 'node:fs';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable, Transform } from 'node:stream';

/** An object (or a range of it) as it streams in. */
export interface StoredObject {
  body: Readable;
  contentLength: number | undefined;
  /** Set when a range was asked for: `bytes a-b/size`. */
  contentRange: string | undefined;
  contentType: string | undefined;
}

/** Where recordings are kept in an S3-compatible bucket, and how to reach it. */
export interface StorageSettings {
  /** `s3://bucket/prefix` */
  url: string;
  /** Another S3-compatible service than AWS (e.g. http://127.0.0.1:7070). */
  endpoint?: string;
  region?: string;
  forcePathStyle?: boolean;
  /** Explicit keys; otherwise the SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Parts of a multipart upload (the SDK's minimum is 5 MiB). */
const PART_BYTES = 8 * 1024 * 1024;
const CHECK_TIMEOUT_MS = 5_000;

/** `s3://bucket/prefix` as its bucket and key prefix (no leading or trailing slash), or an error saying what is wrong. */
export function parseStorageUrl(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url.trim());
  if (!match) throw new Error(`HAVEN_STORAGE_URL must be s3://bucket/prefix (a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens), got ${JSON.stringify(url)}`);
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]|(^|\/)\.\.?(\/|$)/.test(prefix)) throw new Error('HAVEN_STORAGE_URL: the prefix must not contain control characters or . and .. segments');
  return { bucket: match[1], prefix };
}

/**
 * haven-live's one edge to object storage: multipart uploads checked part by part (SHA-256 the
 * service verifies on receipt) and by size after, reads by range, deletes, a reachability check. Errors come out as they are; `describeStorageError` makes a short text of one.
 */
export class ObjectStorage {
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;

  constructor(settings: StorageSettings) {
    ({ bucket: this.bucket, prefix: this.prefix } = parseStorageUrl(settings.url));
    const config: S3ClientConfig = {
      region: settings.region ?? process.env.AWS_REGION ?? 'us-east-1',
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle ?? Boolean(settings.endpoint),
      credentials: settings.credentials,
      // Retries are the upload queue's business (with its own backoff, for as long as it takes).
      maxAttempts: 1,
      // A service that accepts a connection and then stalls fails the request (and it is tried again).
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    this.client = new S3Client(config);
  }

  /** The object key of a file of a recording folder. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].filter(Boolean).join('/');
  }

  /** Uploads a file (multipart past one part, each part's SHA-256 verified by the service) and checks the object's size. */
  async upload(
    key: string,
    path: string,
    sizeBytes: number,
    options: { contentType?: string; onBytes?: (bytes: number) => void; signal?: AbortSignal; throttle?: () => Transform } = {},
  ): Promise<void> {
    const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
    const body = options.throttle ? file.pipe(options.throttle()) : file;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: options.contentType, ChecksumAlgorithm: 'SHA256' },
      partSize: PART_BYTES,
      // One part in flight per file: uploads yield the machine to live media.
      queueSize: 1,
      leavePartsOnError: false,
    });
    let sent = 0;
    upload.on('httpUploadProgress', (progress) => {
      const loaded = progress.loaded ?? sent;
      if (loaded > sent) options.onBytes?.(loaded - sent);
      sent = Math.max(sent, loaded);
    });
    const abort = () => void upload.abort().catch(() => undefined);
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      await upload.done();
    } finally {
      options.signal?.removeEventListener('abort', abort);
      file.destroy();
    }
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    if (head.ContentLength !== sizeBytes) throw new Error(`the stored object has ${head.ContentLength} bytes, the file ${sizeBytes}`);
  }

  async delete(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      const answer = await this.client.send(new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
      if (answer.Errors?.length) throw new Error(`could not delete ${answer.Errors.length} objects (${answer.Errors[0].Code ?? 'error'})`);
    }
  }

  /** Reads an object, or the byte range `range` of it (an HTTP Range header's `bytes=a-b`). */
  async read(key: string, range?: string): Promise<StoredObject> {
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range }));
    return {
      body: answer.Body as Readable,
      contentLength: answer.ContentLength,
      contentRange: answer.ContentRange,
      contentType: answer.ContentType,
    };
  }

  /** Whether the bucket answers to these credentials; throws what it said otherwise. */
  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
  }

  close(): void {
    this.client.destroy();
  }
}

/** A failure of object storage in a few words, without credentials or signed URLs: its code and HTTP status. */
export function describeStorageError(error: unknown): string {
  const e = error as { name?: string; Code?: string; code?: string; $metadata?: { httpStatusCode?: number }; message?: string };
  const status = e?.$metadata?.httpStatusCode;
  const code = e?.Code ?? (e?.name && e.name !== 'Error' ? e.name : undefined) ?? e?.code;
  if (code === 'TimeoutError' || code === 'AbortError') return 'no answer from the storage service';
  if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e?.message ?? '')) return 'the storage service refused the connection';
  if (/ENOTFOUND|EAI_AGAIN/.test(`${code} ${e?.message ?? ''}`)) return 'the storage service name does not resolve';
  if (/ECONNRESET|socket hang up|EPIPE/.test(`${code} ${e?.message ?? ''}`)) return 'the connection to the storage service was cut';
  const text = [code ?? 'storage error', status ? `HTTP ${status}` : undefined].filter(Boolean).join(', ');
  return text.slice(0, 120);
}
