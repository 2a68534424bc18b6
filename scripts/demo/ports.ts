import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

// Ports the kernel picks (bind to port 0), released just before livekit-server binds them. They are
// bound on the wildcard address because livekit-server binds every address it is given.

async function hold(count: number, open: () => Promise<{ port: number; close(): Promise<void> }>): Promise<number[]> {
  const held: { port: number; close(): Promise<void> }[] = [];
  try {
    // All stay open until every port is chosen, so none is handed out twice.
    for (let i = 0; i < count; i++) held.push(await open());
    return held.map((h) => h.port);
  } finally {
    await Promise.all(held.map((h) => h.close()));
  }
}

export function freeTcpPorts(count: number): Promise<number[]> {
  return hold(
    count,
    () =>
      new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen({ port: 0, host: '0.0.0.0', exclusive: true }, () => {
          const address = server.address();
          const port = typeof address === 'object' && address ? address.port : 0;
          resolve({ port, close: () => new Promise<void>((done) => server.close(() => done())) });
        });
      }),
  );
}

export function freeUdpPorts(count: number): Promise<number[]> {
  return hold(
    count,
    () =>
      new Promise((resolve, reject) => {
        const socket = createSocket({ type: 'udp4', reuseAddr: false });
        socket.once('error', reject);
        socket.bind({ port: 0, address: '0.0.0.0', exclusive: true }, () => {
          resolve({ port: socket.address().port, close: () => new Promise<void>((done) => socket.close(() => done())) });
        });
      }),
  );
}

/** Fails with a message a person can act on when 127.0.0.1:port is taken. */
export function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => reject(new Error(`cannot listen on 127.0.0.1:${port} (${error.message}): set DEMO_PORT to a free port`)));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}
