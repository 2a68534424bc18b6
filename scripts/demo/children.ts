import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The demo's children each lead a process group of their own, so that a terminal's Ctrl-C reaches
 * only the demo, which then stops them in order (haven-live first, so that it finishes its
 * recordings while the room still exists). If the demo itself is killed hard, a small watchdog in
 * yet another group sees its stdin close and ends every group it was told about.
 */
export class Children {
  private readonly watchdog: ChildProcess;
  private readonly groups = new Set<number>();

  constructor() {
    // bash, not node: a few hundred kilobytes, and it only has to read lines and send signals.
    const script = `
      trap '' INT TERM HUP
      groups=()
      while IFS= read -r line; do
        case "$line" in
          done) exit 0 ;;
          +*) groups+=("\${line#+}") ;;
        esac
      done
      # The demo died without saying "done": end what it started, politely first.
      for g in "\${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null; done
      for _ in $(seq 1 100); do
        alive=0
        for g in "\${groups[@]}"; do kill -0 -- "-$g" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && exit 0
        sleep 0.1
      done
      for g in "\${groups[@]}"; do kill -KILL -- "-$g" 2>/dev/null; done
      exit 0`;
    this.watchdog = spawn('bash', ['-c', script], { detached: true, stdio: ['pipe', 'ignore', 'inherit'] });
    this.watchdog.unref();
    (this.watchdog.stdin as unknown as { unref?: () => void }).unref?.();
    this.watchdog.stdin!.on('error', () => {});
  }

  /** Registers a child started with `detached: true` (so its pid is its process group). */
  own(child: ChildProcess): ChildProcess {
    if (child.pid === undefined) return child;
    this.groups.add(child.pid);
    this.watchdog.stdin!.write(`+${child.pid}\n`);
    return child;
  }

  /** Everything was stopped in order: the watchdog can go without touching anything. */
  release(): void {
    this.watchdog.stdin!.end('done\n');
  }
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function exitOf(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Sends `signal` to the child's whole group, then SIGKILL after `graceMs`; resolves with how it ended. */
export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<Exit & { killed: boolean }> {
  const exited = exitOf(child);
  const send = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // The group is gone already.
    }
  };
  if (child.exitCode === null && child.signalCode === null) send(signal);
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    send('SIGKILL');
  }, graceMs);
  const exit = await exited;
  clearTimeout(timer);
  // Whatever the leader left behind in its group (ffmpeg runs in groups of its own and is haven-live's to end).
  send('SIGKILL');
  return { ...exit, killed };
}
