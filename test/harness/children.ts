import type { ChildProcess } from 'node:child_process';

// Children that must not outlive this process even if a test forgets to stop them: a leftover
// livekit-server or publisher keeps ports, rooms and CPU busy on a 2-core machine.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** SIGKILLs the child when this process exits, if it is still running then. */
export function killOnExit(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of live) {
      try {
        c.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}
