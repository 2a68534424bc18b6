import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('import structure', () => {
  it('has no import circle in src (media flows one way: sessions → feeds → writers)', async () => {
    const graph = await madge(`${ROOT}src`, { fileExtensions: ['ts'], tsConfig: `${ROOT}tsconfig.json` });
    expect(graph.circular()).toEqual([]);
    // Track feeds see the room through their port, not the session service.
    expect(graph.obj()['services/track-feeds.ts']).not.toContain('services/sessions.ts');
    expect(graph.obj()['services/sessions.ts']).not.toContain('services/recordings.ts');
  }, 60_000);
});
