import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:net';

// Ports are found by letting the kernel pick (bind to port 0) and releasing them
// right before the consumer binds. That leaves a small race with other
// processes, which is acceptable because test files run one at a time.
//
// Sockets bind the wildcard address, not 127.0.0.1, because livekit-server
// binds its RTC ports on every interface address (127.0.0.1 and the veth
// addresses inside the test namespace): a port free on 127.0.0.1 only could
// still be taken on 10.77.0.x.

function holdTcp(): Promise<{ port: number; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const srv: Server = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port: 0, host: '0.0.0.0', exclusive: true }, () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('could not read bound TCP address'));
        return;
      }
      resolve({
        port: addr.port,
        close: () => new Promise<void>((r) => srv.close(() => r())),
      });
    });
  });
}

function holdUdp(): Promise<{ port: number; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const sock: Socket = createSocket({ type: 'udp4', reuseAddr: false });
    sock.unref();
    sock.once('error', reject);
    sock.bind({ port: 0, address: '0.0.0.0', exclusive: true }, () => {
      const { port } = sock.address();
      resolve({ port, close: () => new Promise<void>((r) => sock.close(() => r())) });
    });
  });
}

/** Returns `count` distinct TCP ports that were free on every local address a moment ago. */
export async function freeTcpPorts(count: number): Promise<number[]> {
  // All sockets stay open until every port is chosen, so the kernel cannot
  // hand out the same port twice.
  const held = [];
  try {
    for (let i = 0; i < count; i++) held.push(await holdTcp());
    return held.map((h) => h.port);
  } finally {
    await Promise.all(held.map((h) => h.close()));
  }
}

/** Returns `count` distinct UDP ports that were free on every local address a moment ago. */
export async function freeUdpPorts(count: number): Promise<number[]> {
  const held = [];
  try {
    for (let i = 0; i < count; i++) held.push(await holdUdp());
    return held.map((h) => h.port);
  } finally {
    await Promise.all(held.map((h) => h.close()));
  }
}

export async function freeTcpPort(): Promise<number> {
  return (await freeTcpPorts(1))[0]!;
}

export async function freeUdpPort(): Promise<number> {
  return (await freeUdpPorts(1))[0]!;
}
