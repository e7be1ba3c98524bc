/**
 * The Node.js story the README tells: Node ≥ 20 locally (tested on 20), Lambdas on 24.
 * `npm ci` on Node 20 warns about exactly one package, cookie@2 (fauxqs → fastify →
 * light-my-request), which declares Node ≥ 22; fastify loads light-my-request only for
 * inject(), which the stand-ins never call, so cookie is never loaded.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_MAJOR } from '../../lib/bundling.js';
import { ROOT } from './support.js';

interface LockPackage {
  version: string;
  engines?: { node?: string };
  optional?: boolean;
  os?: string[];
}

/** Whether an engines range admits Node 20 (the forms the lockfile holds: `>=x`, `^x.y.z`, `a || b`, bare majors). */
function admits20(range: string): boolean {
  return range.split('||').some((part) => {
    const p = part.trim();
    const ge = /^>=\s*v?(\d+)/.exec(p);
    if (ge) return Number(ge[1]) <= 20;
    const caret = /^\^(\d+)/.exec(p);
    if (caret) return Number(caret[1]) === 20;
    const bare = /^(\d+)(?:\.x)?$/.exec(p);
    if (bare) return Number(bare[1]) === 20;
    return p === '*' || p === '';
  });
}

describe('Node.js versions', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };

  it('the project says Node ≥ 20, and its Lambdas run Node 24', () => {
    expect(pkg.engines.node).toBe('>=20');
    expect(NODE_MAJOR).toBe(24);
    expect(admits20('>=22')).toBe(false);
    expect(admits20('^20.19.0 || >=22.12.0')).toBe(true);
    expect(admits20('18 || 20 || >=22')).toBe(true);
  });

  it('exactly one installed package declares an engine without Node 20: cookie, under fauxqs', () => {
    const refusing = Object.entries(lock.packages)
      // Platform binaries for other systems are never installed here.
      .filter(([, p]) => !(p.optional && p.os && !p.os.includes(process.platform)))
      .filter(([, p]) => p.engines?.node !== undefined && !admits20(p.engines.node))
      .map(([path, p]) => `${path}@${p.version} (${p.engines?.node})`);
    expect(refusing).toEqual(['node_modules/cookie@2.0.2 (>=22)']);
    const why = execFileSync('npm', ['explain', 'cookie', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(why).toContain('"light-my-request"');
    expect(why).toContain('"fauxqs"');
  });

  it('the S3/SQS stand-in never loads it: fastify requires light-my-request (and so cookie) only for inject()', () => {
    const script = `
      import { createRequire } from 'node:module';
      import { buildApp } from 'fauxqs';
      const app = buildApp({ logger: false });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch('http://127.0.0.1:' + app.server.address().port + '/?Action=ListQueues', { method: 'POST' });
      await res.arrayBuffer();
      await app.close();
      const loaded = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify({ status: res.status, fastify: loaded.some((k) => k.includes('/node_modules/fastify/')), cookie: loaded.filter((k) => /node_modules\\/(cookie|light-my-request)\\//.test(k)) }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as { status: number; fastify: boolean; cookie: string[] };
    expect(out.fastify).toBe(true);
    expect(out.status).toBeGreaterThan(0);
    expect(out.cookie).toEqual([]);
  });
});
