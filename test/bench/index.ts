/**
 * `npm run bench`: runs every test/bench/*.bench.ts in turn; each prints its own table,
 * with the peers its issue names measured in the same run. Speed lives here, never in tests.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { quietSdkNodeNotice } from '../../lambdas/local/node-support.js';

quietSdkNodeNotice();

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') throw new Error(`${file}: exports no run()`);
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}\n`);
  await mod.run();
}
