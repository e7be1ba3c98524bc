/**
 * fauxqs keeps S3 objects in memory only (its README: "All state is in-memory"), but the
 * local data folder must keep raw pages across runs, like the bucket does in AWS. Rather
 * than a second RawStore implementation, this decorator wraps the real S3RawStore: every put
 * goes to S3 (fauxqs) first and is then mirrored to a file; on start, restore() replays the
 * files into the bucket through the same S3 adapter. Reads always go through S3, so the
 * parse handler runs exactly the code it runs in AWS.
 */
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { RawPage, RawStore } from '../core/ports.js';

interface Meta {
  contentType?: string;
  url?: string;
}

export class MirroredRawStore implements RawStore {
  constructor(
    private readonly inner: RawStore,
    private readonly dir: string,
  ) {}

  private fileFor(key: string): string {
    if (key.split('/').some((p) => p === '..' || p === '')) throw new Error(`raw key ${JSON.stringify(key)} is not a plain path`);
    return join(this.dir, ...key.split('/'));
  }

  async put(key: string, page: RawPage): Promise<void> {
    await this.inner.put(key, page);
    const file = this.fileFor(key);
    await mkdir(dirname(file), { recursive: true });
    const meta: Meta = { ...(page.contentType ? { contentType: page.contentType } : {}), ...(page.url ? { url: page.url } : {}) };
    // Meta first, bytes last via rename: a file without a .meta.json is never left behind,
    // and a kill -9 mid-write leaves a .tmp that restore() ignores.
    await writeFile(`${file}.meta.json`, JSON.stringify(meta));
    await writeFile(`${file}.tmp`, page.bytes);
    await rename(`${file}.tmp`, file);
  }

  get(key: string): Promise<RawPage> {
    return this.inner.get(key);
  }

  list(prefix: string): AsyncIterable<string> {
    return this.inner.list(prefix);
  }

  /** Puts every mirrored page back into the (empty, freshly started) bucket. Returns how many. */
  async restore(): Promise<number> {
    let n = 0;
    for (const file of await walk(this.dir)) {
      if (file.endsWith('.meta.json') || file.endsWith('.tmp')) continue;
      const key = relative(this.dir, file).split(sep).join('/');
      let meta: Meta = {};
      try {
        meta = JSON.parse(await readFile(`${file}.meta.json`, 'utf8')) as Meta;
      } catch {
        // Meta is advisory (content type, URL); the bytes are what matter.
      }
      await this.inner.put(key, { bytes: new Uint8Array(await readFile(file)), ...meta });
      n++;
    }
    return n;
  }
}

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out.sort();
}
