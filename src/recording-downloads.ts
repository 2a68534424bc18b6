import type { IncomingMessage, ServerResponse } from 'node:http';
import send from 'send';
import { FILE_NAMES } from './services/recording-model.js';
import type { FileLocation, RecordingService } from './services/recordings.js';

/** /recordings/<recording id>/<file name>; the name is one a recording folder may hold (FILE_NAMES). */
const PATH = /^\/recordings\/([0-9a-f-]{36})\/([a-z0-9.-]{1,40})$/;

/** Recording files by a stable path, /recordings/<id>/<file>, with Range support for seeking. */
export function downloadPath(id: string, fileName: string): string {
  return `/recordings/${id}/${fileName}`;
}

/**
 * Serves GET/HEAD /recordings/<id>/<file>; returns false for any other request. A file on disk is
 * sent with Range support; one in object storage is streamed from its object, Range passed on
 * (same origin for the page's players, and the bucket need not be reachable from the browser).
 */
export function serveRecordingFile(recordings: RecordingService, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/recordings/')) return false;
  const match = PATH.exec(url.pathname);
  const found = match && FILE_NAMES.has(match[2]) ? recordings.fileLocation(match[1], match[2]) : Promise.resolve(undefined);
  found.then(
    (location) => sendFile(location, req, res),
    () => res.writeHead(503, { 'content-type': 'text/plain' }).end('the recording catalog is not available\n'),
  );
  return true;
}

/** Sends the file at `location`, or says why not. */
function sendFile(location: FileLocation | undefined, req: IncomingMessage, res: ServerResponse): void {
  if (!location || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(location ? 405 : 404, { 'content-type': 'text/plain' }).end(location ? 'method not allowed\n' : 'no such recording file\n');
    return;
  }
  if ('path' in location) {
    send(req, location.path, { dotfiles: 'allow', acceptRanges: true, cacheControl: false }).pipe(res);
    return;
  }
  // One plain range (what players send); anything else gets the whole object.
  const range = typeof req.headers.range === 'string' && /^bytes=(\d+-\d*|-\d+)$/.test(req.headers.range) ? req.headers.range : undefined;
  location.storage.read(location.objectKey, range).then(
    (object) => {
      res.writeHead(object.contentRange ? 206 : 200, {
        'content-type': object.contentType ?? 'application/octet-stream',
        'accept-ranges': 'bytes',
        'cache-control': 'no-store',
        ...(object.contentLength === undefined ? {} : { 'content-length': object.contentLength }),
        ...(object.contentRange ? { 'content-range': object.contentRange } : {}),
      });
      if (req.method === 'HEAD') {
        object.body.destroy();
        res.end();
        return;
      }
      object.body.pipe(res);
      res.once('close', () => object.body.destroy());
    },
    (error: { name?: string; $metadata?: { httpStatusCode?: number } }) => {
      const status = error?.$metadata?.httpStatusCode === 416 || error?.name === 'InvalidRange' ? 416 : error?.name === 'NoSuchKey' ? 404 : 503;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 503 ? 'object storage is not available\n' : status === 404 ? 'no such recording file\n' : 'range not satisfiable\n');
    },
  );
}
