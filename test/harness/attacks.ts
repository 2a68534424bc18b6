import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AttackTarget } from './attacker.js';
import { killOnExit } from './children.js';

const ATTACKER = fileURLToPath(new URL('./attacker.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface Attack {
  /** Stops the loop after the round in flight; resolves with each attack's last status and the rounds sent. */
  stop(): Promise<{ statuses: Record<string, number>; rounds: number }>;
}

/** Starts attacker.ts in a process of its own, sending every attack at `target` over and over. */
export function startAttack(target: AttackTarget): Attack {
  const child = fork(ATTACKER, [], { execArgv: ['--import', TSX_LOADER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  killOnExit(child);
  const result = new Promise<{ statuses: Record<string, number>; rounds: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { statuses: Record<string, number>; rounds: number }));
    child.once('exit', (code) => reject(new Error(`the attacker exited (code ${code}) before it reported`)));
  });
  result.catch(() => undefined); // reported by stop()
  child.send(target);
  return {
    stop() {
      child.send('stop');
      return result;
    },
  };
}
