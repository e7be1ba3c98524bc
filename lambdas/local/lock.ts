/**
 * One command at a time per data folder. `duofeed start` and `duofeed reprocess` both open
 * the folder's dynalite database (LevelDB takes one process), so the second would fail deep
 * inside the stand-in ("Database is closed"). Each command first takes `<data>/lock`, a file
 * naming its pid and command; a second one is refused with a sentence naming both. A lock
 * whose process is gone (a kill -9, a crash) is stale and taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../core/ports.js';
import { systemClock } from '../adapters/clock.js';

export const LOCK_FILE = 'lock';

export interface LockHolder {
  pid: number;
  /** The duofeed command holding the folder, e.g. `start` or `reprocess`. */
  command: string;
  /** RFC 3339 UTC. */
  since: string;
}

export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the data folder ${dataDir} is in use by \`duofeed ${holder.command}\` (pid ${holder.pid}, since ${holder.since}); stop it first, or pass --data DIR ` +
        `(if no duofeed runs as pid ${holder.pid}, delete ${join(dataDir, LOCK_FILE)})`,
    );
  }
}

export interface DataFolderLock {
  release(): void;
}

/** True when a process with this pid exists (signal 0 only checks; EPERM means it exists but is not ours). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 ? { pid: v.pid, command: String(v.command ?? '?'), since: String(v.since ?? '?') } : undefined;
  } catch {
    return undefined; // missing, or torn by a kill mid-write: not a live holder
  }
}

/** The live holder of `dir`, if any (its own process counts: a second stack in one process would clash too). */
export function lockHolder(dir: string): LockHolder | undefined {
  const holder = readHolder(join(dir, LOCK_FILE));
  return holder && alive(holder.pid) ? holder : undefined;
}

/**
 * Takes `dir`'s lock for `command`, or throws DataFolderInUseError naming the live holder.
 * `shownAs` is the folder as the user named it (for the message). The folder must exist.
 */
export function lockDataFolder(dir: string, command: string, shownAs: string = dir, clock: Clock = systemClock): DataFolderLock {
  const file = join(dir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, command, since: clock.now().toISOString().replace(/\.\d+Z$/, 'Z') };
  for (let attempt = 0; ; attempt++) {
    try {
      // 'wx': create only if absent, so two commands starting together cannot both win.
      writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw err;
      const holder = lockHolder(dir);
      if (holder) throw new DataFolderInUseError(shownAs, holder);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Only remove a lock that is still ours.
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}
