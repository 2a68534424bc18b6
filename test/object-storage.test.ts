import { describe, expect, it } from 'vitest';
import { readProcessSettings } from '../src/env.js';
import { describeStorageError, parseStorageUrl } from '../src/object-storage.js';
import { RateLimit } from '../src/services/rate-limit.js';
import { retryDelayMs } from '../src/services/uploads.js';

describe('object storage settings and failures (unit)', () => {
  it('reads s3://bucket/prefix, and refuses what is not one', () => {
    expect(parseStorageUrl('s3://my-recordings/haven/live/')).toEqual({ bucket: 'my-recordings', prefix: 'haven/live' });
    expect(parseStorageUrl('s3://my-recordings')).toEqual({ bucket: 'my-recordings', prefix: '' });
    for (const bad of ['http://bucket/x', 's3://', 's3://Upper/x', 's3://a/x', 's3://bucket/../x', 's3://bucket/a/./b', 's3://bucket/a\u0000b']) {
      expect(() => parseStorageUrl(bad), bad).toThrow(/HAVEN_STORAGE_URL/);
    }
  });

  it('takes the storage settings from the environment, refusing a bad endpoint or path-style value at start', () => {
    expect(readProcessSettings({}).storage).toBeUndefined();
    expect(readProcessSettings({ HAVEN_STORAGE_URL: 's3://b-1/p', HAVEN_S3_ENDPOINT: 'http://127.0.0.1:7070', HAVEN_S3_FORCE_PATH_STYLE: 'true', HAVEN_UPLOADS: '3' })).toMatchObject({
      storage: { url: 's3://b-1/p', endpoint: 'http://127.0.0.1:7070', forcePathStyle: true },
      uploads: 3,
    });
    expect(() => readProcessSettings({ HAVEN_STORAGE_URL: 'bucket' })).toThrow(/HAVEN_STORAGE_URL/);
    expect(() => readProcessSettings({ HAVEN_STORAGE_URL: 's3://b-1/p', HAVEN_S3_ENDPOINT: 'ftp://x' })).toThrow(/HAVEN_S3_ENDPOINT/);
    expect(() => readProcessSettings({ HAVEN_STORAGE_URL: 's3://b-1/p', HAVEN_S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/HAVEN_S3_FORCE_PATH_STYLE/);
    expect(() => readProcessSettings({ HAVEN_UPLOADS: '0' })).toThrow(/HAVEN_UPLOADS/);
  });

  it('keeps uploads to their rate: a second of burst, then waits in proportion', () => {
    let now = 0;
    const rate = new RateLimit(1_000_000, () => now);
    expect(rate.take(600_000)).toBe(0);
    expect(rate.take(400_000)).toBe(0);
    // The bucket is empty: 500 kB more wait half a second.
    expect(rate.take(500_000)).toBe(500);
    now += 1_500;
    // A second and a half later the debt is paid and a second's worth is back (no more).
    expect(rate.take(1_000_000)).toBe(0);
    expect(rate.take(1)).toBeGreaterThan(0);
    expect(readProcessSettings({ HAVEN_UPLOAD_MBPS: '0' }).uploadMegabytesPerSec).toBe(0);
    expect(() => readProcessSettings({ HAVEN_UPLOAD_MBPS: '-1' })).toThrow(/HAVEN_UPLOAD_MBPS/);
  });

  it('backs off from 2 s, doubling, to at most the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, 2_000, 60_000))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('describes a failure in a few words, without what the error carried besides its code and status', () => {
    const denied = Object.assign(new Error('The request signature we calculated does not match (key AKIA-SECRET)'), { name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    expect(describeStorageError(denied)).toBe('SignatureDoesNotMatch, HTTP 403');
    expect(describeStorageError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe('the storage service refused the connection');
    expect(describeStorageError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('the connection to the storage service was cut');
    expect(describeStorageError(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe('no answer from the storage service');
    expect(describeStorageError('weird')).toBe('storage error');
  });
});
