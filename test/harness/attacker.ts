/**
 * Hostile requests against a haven-live server, sent in a loop from a process of their own
 * (forked by attacks.ts), as a web page in a browser on the same machine would send them: the
 * attacker's own CPU work then competes with the server like any other process, not with the
 * test that measures the server.
 *
 * Protocol: the parent sends {url, room}; the child attacks until it gets 'stop', then answers
 * with the last status seen for each attack and exits.
 */
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';

export interface AttackTarget {
  url: string;
  room: string;
}

/** One raw HTTP request; resolves with the status (0 when the connection was cut). */
function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest(`${url}/graphql`, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Resolves with the close code the server gave a 2 MB WebSocket message. */
function oversizedMessage(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => socket.send('x'.repeat(2_000_000)));
    socket.on('close', (code) => resolve(code));
    socket.on('error', () => undefined);
  });
}

/** The attacks, by name: each resolves with the HTTP status or WebSocket close code it got. */
function attacks({ url, room }: AttackTarget): Record<string, () => Promise<number>> {
  const json = { 'content-type': 'application/json' };
  const body = (query: string) => JSON.stringify({ query });
  return {
    'a 6.6 MB query': () => post(url, json, body(`{ ${'__typename '.repeat(600_000)}}`)),
    '6,000 tokens': () => post(url, json, body(`{ ${'__typename '.repeat(6_000)}}`)),
    '100 aliases': () => post(url, json, body(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: config { livekitUrl }`).join(' ')} }`)),
    '30 snapshots': () =>
      post(url, json, body(`{ ${Array.from({ length: 30 }, (_, i) => `s${i}: snapshot(roomName: "${room}", maxWidth: ${64 + 8 * i}) { width }`).join(' ')} }`)),
    'a foreign origin': () => post(url, { ...json, origin: 'https://evil.example' }, body(`mutation { stopSession(roomName: "${room}") { id } }`)),
    'a form post': () =>
      post(url, { 'content-type': 'application/x-www-form-urlencoded' }, `query=${encodeURIComponent(`mutation { stopRecording(roomName:"${room}") { id } }`)}`),
    'a foreign Host': () => post(url, { ...json, host: 'rebind.evil.example' }, body('{ config { livekitUrl } }')),
    '1 MB of distinct room names': () =>
      post(url, json, body(`query { ${Array.from({ length: 25 }, (_, i) => `v${i}: session(roomName: "${'x'.repeat(40_000)}${i}") { id }`).join(' ')} }`)),
    'a 2 MB WebSocket message': () => oversizedMessage(url),
  };
}

let attacking = true;
const statuses: Record<string, number> = {};
let rounds = 0;

process.on('message', (message: AttackTarget | 'stop') => {
  if (message === 'stop') {
    attacking = false;
    return;
  }
  const all = Object.entries(attacks(message));
  void (async () => {
    while (attacking) {
      await Promise.all(all.map(([name, run]) => run().then((status) => (statuses[name] = status))));
      rounds++;
    }
    process.send!({ statuses, rounds }, () => process.exit(0));
  })();
});
