import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeTcpPorts, freeUdpPorts } from './ports.js';

const INSTALLER = fileURLToPath(new URL('../livekit-server.sh', import.meta.url));

/** The livekit-server binary: LIVEKIT_SERVER_BIN, or the per-user cache that scripts/livekit-server.sh fills once. */
export function liveKitServerBin(): string {
  try {
    // Its progress (a first build takes minutes) goes to the terminal.
    const out = execFileSync('bash', [INSTALLER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const bin = out.trim().split('\n').pop();
    if (bin) return bin;
  } catch {
    // The script said why on stderr.
  }
  throw new Error('livekit-server is needed: install Go and run `bash scripts/livekit-server.sh`, or set LIVEKIT_SERVER_BIN=/path/to/livekit-server');
}

export interface LiveKitServer {
  url: string;
  apiKey: string;
  apiSecret: string;
  process: ChildProcess;
}

/**
 * Starts livekit-server with a fresh key on free ports, advertising `nodeIp` for media (libwebrtc
 * skips loopback interfaces, so media needs another address), and waits until it answers.
 */
export async function startLiveKitServer(options: {
  bin: string;
  nodeIp: string;
  dir: string;
  /** File descriptor for its output. */
  log: number;
  /** Called with the child as soon as it is spawned (in a process group of its own). */
  own: (child: ChildProcess) => void;
}): Promise<LiveKitServer> {
  const [port, tcpPort] = await freeTcpPorts(2);
  // The second UDP port stays closed: a STUN server that never answers, so nothing is sent off the machine.
  const [udpPort, stunPort] = await freeUdpPorts(2);
  const apiKey = 'demo';
  const apiSecret = randomBytes(24).toString('hex');
  const configPath = join(options.dir, 'livekit.yaml');
  writeFileSync(
    configPath,
    `port: ${port}
bind_addresses:
  - "127.0.0.1"
  - ${JSON.stringify(options.nodeIp)}
rtc:
  tcp_port: ${tcpPort}
  udp_port: ${udpPort}
  use_external_ip: false
  node_ip: ${JSON.stringify(options.nodeIp)}
  stun_servers:
    - "127.0.0.1:${stunPort}"
  enable_loopback_candidate: false
keys:
  ${apiKey}: ${JSON.stringify(apiSecret)}
logging:
  level: info
turn:
  enabled: false
`,
    { mode: 0o600 },
  );
  // Its CLI reads LIVEKIT_KEYS, NODE_IP, UDP_PORT and the like from the environment, over the file.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(LIVEKIT_|NODE_IP$|UDP_PORT$|REDIS_|LIVEKIT$)/.test(name)));
  const child = spawn(options.bin, ['--config', configPath], { env, stdio: ['ignore', options.log, options.log], detached: true });
  options.own(child);
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`could not start livekit-server (${options.bin}): ${error.message}`)));
    child.once('exit', (code, signal) => reject(new Error(`livekit-server exited on start (code ${code}, signal ${signal})`)));
  });
  failed.catch(() => {});
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await Promise.race([
      fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_000) }).then(
        async (res) => res.status === 200 && (await res.text()).trim() === 'OK',
        () => false,
      ),
      failed,
    ]);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`livekit-server did not answer on port ${port} within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `ws://127.0.0.1:${port}`, apiKey, apiSecret, process: child };
}
