/** Test fixture: a Unit as lambdas/core/parse/split.ts gives it, language and script counts read from its text. */
import { countScripts, detectLang } from '../../../lambdas/core/parse/lang.js';
import type { Unit } from '../../../lambdas/core/parse/split.js';

export const unit = (text: string, over: Partial<Unit> = {}): Unit => ({
  text,
  lang: detectLang(text),
  block: 0,
  heading: 0,
  tag: 'p',
  linkDensity: 0,
  container: 0,
  counts: countScripts(text),
  chrome: undefined,
  meta: undefined,
  ...over,
});
