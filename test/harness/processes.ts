import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';

/** Pids of the running direct children of `parent` whose command name is `name` (from /proc). */
export function childPids(parent: number, name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so split after its closing parenthesis.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // A zombie has exited and only waits to be reaped.
      if (Number(ppid) === parent && comm === name && state !== 'Z') pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Resident memory of a process in bytes. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb * 1024;
}

/** Resets a process's TCP connections (this one's by default) to a port on loopback (a signalling socket), leaving other processes' alone. */
export function resetOwnConnections(remotePort: number, pid = process.pid): number {
  const lines = execFileSync('ss', ['-tnpH', 'state', 'established', 'dst', `127.0.0.1:${remotePort}`], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`pid=${pid},`));
  let reset = 0;
  for (const line of lines) {
    const local = line.trim().split(/\s+/)[2];
    const localPort = local.slice(local.lastIndexOf(':') + 1);
    execFileSync('ss', ['-K', 'src', `127.0.0.1:${localPort}`, 'dst', `127.0.0.1:${remotePort}`], { stdio: 'ignore' });
    reset++;
  }
  return reset;
}

/** Runs `ip` inside the test network namespace (made by scripts/in-netns.sh). */
export function ip(...args: string[]): void {
  if (process.env.HAVEN_NETNS !== '1') {
    throw new Error('this test changes the network: run the suite with `npm test` as root, which gives it a private network namespace');
  }
  execFileSync('ip', args, { stdio: 'ignore' });
}

/**
 * Mounts a tmpfs of `size` (e.g. "12m") at `path`, a small disk that fills up; returns its unmount.
 * Only inside the suite's private mount namespace (scripts/in-netns.sh), so nobody else sees it.
 */
export function mountSmallDisk(path: string, size: string): () => void {
  if (process.env.HAVEN_MOUNTNS !== '1') {
    throw new Error('this test mounts a small tmpfs: run the suite with `npm test` as root, which gives it a private mount namespace');
  }
  mkdirSync(path, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]);
  return () => execFileSync('umount', [path]);
}
