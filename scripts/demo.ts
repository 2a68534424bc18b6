/**
 * `npm run demo`: a local livekit-server, a participant in room "demo" publishing a clock picture and
 * a tone, and haven-live configured for both; prints the page's address. Ctrl-C stops all of it.
 *
 * Media needs an address other than loopback (libwebrtc never uses loopback interfaces), chosen in
 * this order: DEMO_NODE_IP; DEMO_NETNS=1 (a private network namespace); the namespace this already
 * runs in (HAVEN_NETNS/HAVEN_NODE_IP, as under `npm test`); as root, a private network namespace
 * when `unshare -n` works (unless DEMO_NETNS=0); else the machine's first non-loopback IPv4 address.
 * In a private namespace everything runs inside it and a bridge makes haven-live reachable from
 * outside on 127.0.0.1:DEMO_PORT (scripts/demo/tcp-bridge.ts).
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Children, exitOf, stopGroup, type Exit } from './demo/children.js';
import { liveKitServerBin, startLiveKitServer, type LiveKitServer } from './demo/livekit-server.js';
import type { PublisherMessage } from './demo/publisher.js';
import { checkPortFree } from './demo/ports.js';
import { tcpToUnix, unixToTcp, type Bridge } from './demo/tcp-bridge.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const MAIN = join(ROOT, 'src', 'main.ts');
const PUBLISHER = join(ROOT, 'scripts', 'demo', 'publisher.ts');
const IN_NETNS = join(ROOT, 'scripts', 'in-netns.sh');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const ROOM = 'demo';
const IDENTITY = 'demo-camera';

const say = (line: string) => process.stdout.write(`[demo] ${line}\n`);

type Network = { kind: 'address'; nodeIp: string; why: string } | { kind: 'namespace'; why: string };

function canUnshare(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('unshare', ['-n', '-m', '--propagation', 'private', 'true'], { stdio: 'ignore' });
    execFileSync('ip', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function chooseNetwork(env: NodeJS.ProcessEnv): Network {
  if (env.DEMO_NODE_IP) return { kind: 'address', nodeIp: env.DEMO_NODE_IP, why: 'DEMO_NODE_IP' };
  if (env.DEMO_NETNS === '1') {
    if (!canUnshare()) throw new Error('DEMO_NETNS=1 needs root, `unshare -n` and `ip`');
    return { kind: 'namespace', why: 'DEMO_NETNS=1' };
  }
  if (env.HAVEN_NETNS === '1' && env.HAVEN_NODE_IP) {
    return { kind: 'address', nodeIp: env.HAVEN_NODE_IP, why: 'the private network namespace this runs in' };
  }
  if (env.DEMO_NETNS !== '0' && canUnshare()) {
    return { kind: 'namespace', why: 'running as root: a private network namespace, nothing leaves this machine (DEMO_NETNS=0 or DEMO_NODE_IP=<address> to use a real interface)' };
  }
  for (const [name, addresses] of Object.entries(networkInterfaces())) {
    const address = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (address) return { kind: 'address', nodeIp: address.address, why: `this machine's address on ${name} (DEMO_NODE_IP=<address> to choose another)` };
  }
  throw new Error('WebRTC media needs a network address other than loopback: set DEMO_NODE_IP=<address>, or run as root to use a private network namespace');
}

function port(env: NodeJS.ProcessEnv): number {
  const value = Number(env.DEMO_PORT ?? 4000);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`DEMO_PORT must be a port number, got ${JSON.stringify(env.DEMO_PORT)}`);
  return value;
}

const logTail = (path: string) => `see ${path}`;

/** Everything but the outside bridge: livekit-server, the publisher and haven-live, here. */
async function runStack(nodeIp: string, why: string, appPort: number, bridgeSocket: string | undefined): Promise<void> {
  const env = process.env;
  const dataDir = resolve(env.DEMO_DIR || join(ROOT, '.demo'));
  const logs = join(dataDir, 'logs');
  mkdirSync(logs, { recursive: true });
  mkdirSync(join(dataDir, 'recordings'), { recursive: true, mode: 0o700 });
  const tmp = mkdtempSync(join(tmpdir(), 'haven-demo-'));
  const logPath = (name: string) => join(logs, `${name}.log`);
  const children = new Children();
  let livekitProcess: ChildProcess | undefined;
  let haven: ChildProcess | undefined;
  let publisher: ChildProcess | undefined;
  let bridge: Bridge | undefined;

  // One shutdown, in order: haven-live finishes its recordings while the room still exists, then the
  // publisher leaves and livekit-server goes. Later signals (npm passes Ctrl-C on once more) wait for it.
  let stopping: Promise<never> | undefined;
  const stop = (reason: string, failed = false) => {
    stopping ??= (async () => {
      say(reason);
      let clean = !failed;
      if (haven) {
        const exit = await stopGroup(haven, 'SIGINT', 11_000);
        clean &&= !exit.killed && exit.code === 0;
      }
      if (publisher) clean &&= !(await stopGroup(publisher, 'SIGTERM', 4_000)).killed;
      if (livekitProcess) clean &&= !(await stopGroup(livekitProcess, 'SIGTERM', 4_000)).killed;
      await bridge?.close();
      children.release();
      rmSync(tmp, { recursive: true, force: true });
      say(clean ? 'stopped' : 'stopped, not cleanly');
      process.exit(clean ? 0 : 1);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stop('stopping: haven-live finishes its recordings, then the publisher and livekit-server go'));
  }
  const watch = (child: ChildProcess, name: string) =>
    void exitOf(child).then((exit: Exit) => {
      if (!stopping) void stop(`${name} stopped unexpectedly (code ${exit.code}, signal ${exit.signal}); ${logTail(logPath(name))}`, true);
    });
  /** Opens the log (each run's own), hands its descriptor to `start`, and closes it here once the child holds it. */
  const withLog = async <T>(name: string, start: (fd: number) => T | Promise<T>): Promise<T> => {
    const fd = openSync(logPath(name), 'w');
    try {
      return await start(fd);
    } finally {
      closeSync(fd);
    }
  };

  try {
    // In a namespace of its own every port is free; elsewhere say so before starting anything.
    if (!bridgeSocket) await checkPortFree(appPort);
    say(`media address ${nodeIp}: ${why}`);
    const bin = liveKitServerBin();
    const livekit = await withLog('livekit-server', (log) =>
      startLiveKitServer({ bin, nodeIp, dir: tmp, log, own: (child) => (livekitProcess = children.own(child)) }),
    );
    watch(livekitProcess!, 'livekit-server');
    if (stopping) return;

    haven = await withLog('haven-live', (log) =>
      children.own(
        spawn(process.execPath, ['--import', TSX, MAIN], {
          cwd: ROOT,
          env: {
            ...env,
            PORT: String(appPort),
            HOST: '127.0.0.1',
            HAVEN_DB: join(dataDir, 'haven.db'),
            HAVEN_RECORDING_DIR: join(dataDir, 'recordings'),
            LIVEKIT_URL: livekit.url,
            LIVEKIT_API_KEY: livekit.apiKey,
            LIVEKIT_API_SECRET: livekit.apiSecret,
            HAVEN_DEV: env.HAVEN_DEV ?? '1',
          },
          stdio: ['ignore', log, log],
          detached: true,
        }),
      ),
    );
    watch(haven, 'haven-live');

    publisher = await withLog('publisher', (log) =>
      children.own(
        fork(PUBLISHER, [], {
          execArgv: ['--import', TSX],
          env: {
            ...env,
            DEMO_LIVEKIT_URL: livekit.url,
            DEMO_LIVEKIT_API_KEY: livekit.apiKey,
            DEMO_LIVEKIT_API_SECRET: livekit.apiSecret,
            DEMO_ROOM: ROOM,
            DEMO_IDENTITY: IDENTITY,
          },
          stdio: ['ignore', log, log, 'ipc'],
          detached: true,
        }),
      ),
    );
    watch(publisher, 'publisher');
    const published = new Promise<{ video: string; audio: string }>((resolvePublished, reject) => {
      publisher!.on('message', (message: PublisherMessage) => {
        if (message.event === 'ready') resolvePublished(message);
        else if (message.event === 'failed') reject(new Error(`the publisher could not join room "${ROOM}": ${message.message}`));
        else say(`the publisher left room "${ROOM}": ${message.reason}`);
      });
      setTimeout(() => reject(new Error(`the publisher did not publish within 60 s; ${logTail(logPath('publisher'))}`)), 60_000).unref();
    });

    published.catch(() => {}); // awaited below, after haven-live answers
    const base = `http://127.0.0.1:${appPort}`;
    await untilServing(base, haven, logPath('haven-live'));
    await useEnvironmentSettings(base);
    const tracks = await published;
    if (stopping) return;
    if (bridgeSocket) bridge = await unixToTcp(bridgeSocket, appPort);

    say(`livekit-server ${livekit.url}, room "${ROOM}": "${IDENTITY}" publishes a clock (track ${tracks.video}) and a 440 Hz tone (track ${tracks.audio})`);
    say(`data in ${dataDir} (haven.db, recordings/, logs/)`);
    say(`haven-live is ready: open ${base}/   (GraphiQL: ${base}/graphql)`);
    say('Ctrl-C stops everything');
  } catch (error) {
    await stop(`could not start: ${(error as Error).message}`, true);
  }
}

/** Waits until haven-live answers GraphQL, or fails if it exits first. */
async function untilServing(base: string, haven: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (haven.exitCode !== null || haven.signalCode !== null) throw new Error(`haven-live exited on start; ${logTail(log)}`);
    const ok = await graphql(base, '{ __typename }').then(
      () => true,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`haven-live did not answer within 60 s; ${logTail(log)}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

async function graphql(base: string, query: string): Promise<unknown> {
  const token = process.env.HAVEN_API_TOKEN;
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length) throw new Error(`GraphQL: ${body.errors?.[0]?.message ?? response.status}`);
  return body.data;
}

/**
 * Settings saved with updateConfig take precedence over the environment; in the demo's own
 * database they would point at an earlier run's livekit-server (another port, another key).
 */
async function useEnvironmentSettings(base: string): Promise<void> {
  await graphql(base, 'mutation { updateConfig(input: { livekitUrl: null, livekitApiKey: null, livekitApiSecret: null, recordingDirectory: null }) { livekitUrl } }');
}

/** The live view page is built by `npm install`; a checkout that skipped that gets it built here, once. */
function buildWebPage(): void {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts['build:web'] || existsSync(join(ROOT, 'web', 'dist', 'index.html'))) return;
  say('building the live view page (npm run build:web)');
  try {
    execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    say('the live view page could not be built; GraphiQL still works');
  }
}

/** Outside half of the namespace mode: the bridge on 127.0.0.1:port, and the rest in a new namespace. */
async function runBridged(why: string, appPort: number): Promise<void> {
  const bin = liveKitServerBin(); // installing needs the network the namespace does not have
  const tmp = mkdtempSync(join(tmpdir(), 'haven-demo-bridge-'));
  const socketPath = join(tmp, 'haven.sock');
  let bridge: Bridge;
  try {
    bridge = await tcpToUnix(appPort, socketPath);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`cannot listen on 127.0.0.1:${appPort} (${(error as Error).message}): set DEMO_PORT to a free port`);
  }
  say(`network: ${why}; 127.0.0.1:${appPort} here is bridged to haven-live inside it`);
  const children = new Children();
  const { HAVEN_NETNS: _netns, HAVEN_NODE_IP: _nodeIp, ...env } = process.env;
  const inside = children.own(
    spawn('unshare', ['-n', '-m', '--propagation', 'private', '--', 'bash', IN_NETNS, process.execPath, '--import', TSX, SELF, '--inside'], {
      cwd: ROOT,
      env: { ...env, HAVEN_NETNS_INNER: '1', LIVEKIT_SERVER_BIN: bin, DEMO_BRIDGE_SOCKET: socketPath, DEMO_PORT: String(appPort) },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    }),
  );
  let exit: Exit | undefined;
  const finish = async (result: Exit) => {
    await bridge.close();
    children.release();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(result.code === 0 ? 0 : 1);
  };
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Only the demo inside ends its children in order; give it all the time it takes, within 20 s.
    void stopGroup(inside, 'SIGINT', 19_000).then((result) => finish(result.killed ? { code: 1, signal: null } : result));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  exit = await exitOf(inside);
  if (!stopping) await finish(exit);
}

const env = process.env;
try {
  if (process.argv.includes('--inside')) {
    // Second stage, inside the namespace that scripts/in-netns.sh set up.
    const nodeIp = env.HAVEN_NODE_IP;
    if (!nodeIp || !env.DEMO_BRIDGE_SOCKET) throw new Error('--inside runs in the namespace that scripts/in-netns.sh makes');
    await runStack(nodeIp, 'a private network namespace', port(env), env.DEMO_BRIDGE_SOCKET);
  } else {
    const network = chooseNetwork(env);
    buildWebPage();
    if (network.kind === 'namespace') await runBridged(network.why, port(env));
    else await runStack(network.nodeIp, network.why, port(env), undefined);
  }
} catch (error) {
  say(`could not start: ${(error as Error).message}`);
  process.exit(1);
}
