/** Every site layout the quality set renders, by id. */
import { chinadaily } from './chinadaily.js';
import { chinamil } from './chinamil.js';
import type { Layout, LayoutId } from './common.js';
import { ft } from './ft.js';
import { globaltimes } from './globaltimes.js';
import { kekenet } from './kekenet.js';
import { nyt } from './nyt.js';
import { xinhua } from './xinhua.js';

// Each layout keeps its own profile type; the registry only passes a layout's profiles back to it.
export const LAYOUTS: readonly Layout<unknown>[] = [nyt, ft, chinadaily, kekenet, chinamil, globaltimes, xinhua] as unknown as Layout<unknown>[];

export function layoutById(id: LayoutId): Layout<unknown> {
  const l = LAYOUTS.find((x) => x.id === id);
  if (!l) throw new Error(`unknown layout ${id}`);
  return l;
}
