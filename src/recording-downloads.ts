import type { IncomingMessage, ServerResponse } from 'node:http';
import send from 'send';
import type { RecordingService } from './services/recordings.js';

const PATH = /^\/recordings\/([0-9a-f-]{36})\/((?:screen-)?(?:combined\.mp4)|video\.mp4|audio\.wav|screen\.mp4|screen-audio\.wav|manifest\.json)$/;

/** Recording files by a stable path, /recordings/<id>/<file>, with Range support for seeking. */
export function downloadPath(id: string, fileName: string): string {
  return `/recordings/${id}/${fileName}`;
}

/** Serves GET/HEAD /recordings/<id>/<file>; returns false for any other request. */
export function serveRecordingFile(recordings: RecordingService, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/recordings/')) return false;
  const match = PATH.exec(url.pathname);
  const path = match ? recordings.filePath(match[1], match[2]) : undefined;
  if (!path || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(path ? 405 : 404, { 'content-type': 'text/plain' }).end(path ? 'method not allowed\n' : 'no such recording file\n');
    return true;
  }
  send(req, path, { dotfiles: 'allow', acceptRanges: true, cacheControl: false }).pipe(res);
  return true;
}
