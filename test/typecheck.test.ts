import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('TypeScript', () => {
  it('type-checks the server, tests, scripts and benchmarks in strict mode', () => {
    let output = '';
    try {
      execFileSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], { stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 120_000);
});
