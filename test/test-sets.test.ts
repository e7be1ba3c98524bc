/**
 * Every test file is in exactly one of the two sets vitest.config.ts defines (unit:
 * `npm run test:unit`, Node alone; integration: the rest), as vitest itself resolves them —
 * so no test is left out of both, and none runs twice.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';

const repo = resolve(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.ts') ? [relative(repo, path)] : [];
  });
}

describe('test sets', () => {
  it('put every test file in exactly one set, and the core and the corpus score in the unit set', async () => {
    const vitest = await createVitest('test', { watch: false, root: repo, config: join(repo, 'vitest.config.ts') });
    try {
      const sets = new Map<string, string[]>();
      for (const spec of await vitest.globTestSpecifications()) {
        const file = relative(repo, spec.moduleId);
        sets.set(file, [...(sets.get(file) ?? []), spec.project.name]);
      }
      const all = testFiles(join(repo, 'test')).sort();
      expect(all.length).toBeGreaterThan(40);
      const notInOne = all.map((f) => [f, sets.get(f) ?? []] as const).filter(([, s]) => s.length !== 1);
      expect(notInOne).toEqual([]);
      expect([...sets.keys()].sort()).toEqual(all);
      for (const f of all.filter((f) => f.startsWith('test/core/') || f.startsWith('test/quality/'))) expect(sets.get(f)).toEqual(['unit']);
    } finally {
      await vitest.close();
    }
  });
});
