import { connect, createServer, type Server, type Socket } from 'node:net';

// A browser outside the demo's network namespace cannot reach a port inside it, but both sides see
// the same files: a listener outside on 127.0.0.1:<port> pipes each connection to a Unix socket, and
// one inside pipes that to haven-live's 127.0.0.1:<port>. Plain bytes both ways, so HTTP, server-sent
// events and WebSocket upgrades pass unchanged.

/** Joins two sockets; when one side finishes, the other is ended once its own writes are out. */
function splice(a: Socket, b: Socket): void {
  a.pipe(b);
  b.pipe(a);
  const fail = () => {
    a.destroy();
    b.destroy();
  };
  a.on('error', fail);
  b.on('error', fail);
  a.on('close', () => b.end(() => b.destroy()));
  b.on('close', () => a.end(() => a.destroy()));
}

export interface Bridge {
  server: Server;
  /** Stops accepting and cuts every connection still open. */
  close(): Promise<void>;
}

function serve(server: Server, target: () => Socket): Bridge {
  const open = new Set<Socket>();
  server.on('connection', (incoming) => {
    const outgoing = target();
    open.add(incoming);
    open.add(outgoing);
    incoming.once('close', () => open.delete(incoming));
    outgoing.once('close', () => open.delete(outgoing));
    splice(incoming, outgoing);
  });
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
}

function listen(server: Server, where: { port: number; host: string } | { path: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(where, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Outside the namespace: 127.0.0.1:port -> Unix socket. */
export async function tcpToUnix(port: number, socketPath: string): Promise<Bridge> {
  const bridge = serve(createServer(), () => connect({ path: socketPath }));
  await listen(bridge.server, { port, host: '127.0.0.1' });
  return bridge;
}

/** Inside the namespace: Unix socket -> 127.0.0.1:port. */
export async function unixToTcp(socketPath: string, port: number): Promise<Bridge> {
  const bridge = serve(createServer(), () => connect({ port, host: '127.0.0.1' }));
  await listen(bridge.server, { path: socketPath });
  return bridge;
}
