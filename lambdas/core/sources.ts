/**
 * A source is data (STYLE.md §4): adding a site means adding a record, not editing the
 * pipeline. OWNER of the validator: fetch work (issue 3). The types are the contract.
 */
export type SourceKind = 'rss' | 'atom' | 'html-index';

export interface Source {
  /** [a-z0-9-]+, unique; appears in URLs (/feeds/<id>.atom) and S3 keys. */
  id: string;
  name: string;
  kind: SourceKind;
  startUrls: string[];
  /** Regular expression (source text) an absolute article URL must match. */
  linkPattern: string;
  /**
   * Optional: rewrites each listed link before linkPattern is tried (JS String.replace, `$1`…),
   * for sites whose listings link the one-language page and keep the bilingual one beside it.
   */
  linkRewrite?: { pattern: string; replacement: string };
  languages: string[];
  /** EventBridge schedule expression, e.g. "rate(1 hour)". */
  schedule: string;
  /** Minimum delay between two requests to the same host, in ms. */
  minDelayMs: number;
  /** Only for local sample sources on loopback; the SSRF guard refuses private addresses otherwise. */
  allowPrivateNetwork?: boolean;
  /** Optional site home page, shown on the index page. */
  homepage?: string;
}

export type ParseSourcesResult = { ok: true; sources: Source[] } | { ok: false; errors: string[] };

const KINDS: readonly SourceKind[] = ['rss', 'atom', 'html-index'];
/** What the parser splits and aligns (lambdas/core/parse): one English and one Chinese side. */
export const PARSER_LANGUAGES: readonly string[] = ['en', 'zh'];

function sameLanguages(given: readonly string[], supported: readonly string[]): boolean {
  return given.length === supported.length && supported.every((l) => given.includes(l));
}
const FIELDS = new Set(['id', 'name', 'kind', 'startUrls', 'linkPattern', 'linkRewrite', 'languages', 'schedule', 'minDelayMs', 'allowPrivateNetwork', 'homepage']);
const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
/** Six fields: minutes hours day-of-month month day-of-week year (EventBridge cron). */
const CRON = /^cron\(\s*(\S+\s+){5}\S+\s*\)$/;

/** Why a schedule expression is not a recurring EventBridge expression, or undefined when it is. */
export function scheduleProblem(expr: string): string | undefined {
  const rate = RATE.exec(expr);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2] as string;
    if (n < 1) return 'rate value must be a positive integer';
    // EventBridge insists on the singular unit for 1 and the plural otherwise.
    // Stryker disable next-line Regex: each plural unit holds one s, at its end.
    if ((n === 1) !== !unit.endsWith('s')) return `use "${n === 1 ? unit.replace(/s$/, '') : unit + 's'}" with ${n}`;
    return undefined;
  }
  if (CRON.test(expr)) {
    const fields = expr.slice(5, -1).trim().split(/\s+/);
    // Day-of-month and day-of-week cannot both be set; one of them must be "?".
    if (fields[2] !== '?' && fields[4] !== '?') return 'cron needs "?" in day-of-month or day-of-week';
    return undefined;
  }
  return 'expected rate(N minutes|hours|days) or cron(min hour day-of-month month day-of-week year)';
}

function httpUrlProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return `not an absolute URL (${JSON.stringify(value)})`;
  }
  // Stryker disable next-line Regex: a URL's protocol holds one colon, at its end.
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `must be http or https, not ${u.protocol.replace(/:$/, '')}`;
  return undefined;
}

/**
 * Validates a parsed sources file. Every problem is reported (not just the first), each
 * naming the field path and the reason, e.g.
 * `sources[1].linkPattern: not a valid regular expression (Unterminated group)`.
 */
export function parseSources(json: unknown): ParseSourcesResult {
  const errors: string[] = [];
  if (!Array.isArray(json)) return { ok: false, errors: ['sources: must be a JSON array of source records'] };
  if (json.length === 0) return { ok: false, errors: ['sources: must list at least one source'] };
  const seen = new Map<string, number>();
  const sources: Source[] = [];
  json.forEach((raw: unknown, i) => {
    const at = `sources[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push(`${at}: must be an object`);
      return;
    }
    const r = raw as Record<string, unknown>;
    const before = errors.length;
    const err = (field: string, reason: string) => errors.push(`${at}.${field}: ${reason}`);
    for (const key of Object.keys(r)) if (!FIELDS.has(key)) err(key, 'unknown field');

    if (typeof r.id !== 'string') err('id', 'required string');
    else if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(r.id)) err('id', `must be lower-case letters, digits and inner hyphens, at most 64 (${JSON.stringify(r.id)})`);
    else if (seen.has(r.id)) err('id', `duplicate of sources[${seen.get(r.id)}].id ${JSON.stringify(r.id)}`);
    else seen.set(r.id, i);

    if (typeof r.name !== 'string' || r.name.trim() === '') err('name', 'required non-empty string');
    // Stryker disable next-line ConditionalExpression: KINDS holds strings only, so includes() refuses anything else as well.
    if (typeof r.kind !== 'string' || !KINDS.includes(r.kind as SourceKind)) err('kind', `must be one of ${KINDS.join(', ')} (got ${JSON.stringify(r.kind)})`);

    if (!Array.isArray(r.startUrls) || r.startUrls.length === 0) err('startUrls', 'required non-empty array of URLs');
    else
      r.startUrls.forEach((u: unknown, j) => {
        const p = httpUrlProblem(u);
        if (p) err(`startUrls[${j}]`, p);
      });

    const regexProblem = (source: string): string | undefined => {
      try {
        new RegExp(source);
        return undefined;
      } catch (e) {
        // Stryker disable next-line Regex: V8's message starts with these words, and new RegExp(source) has no flags to match.
        return `not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '')})`;
      }
    };
    if (typeof r.linkPattern !== 'string' || r.linkPattern === '') err('linkPattern', 'required regular expression string');
    else {
      const p = regexProblem(r.linkPattern);
      if (p) err('linkPattern', p);
    }
    if (r.linkRewrite !== undefined) {
      const w = r.linkRewrite as Record<string, unknown> | null;
      if (typeof w !== 'object' || w === null || Array.isArray(w)) err('linkRewrite', 'must be an object { "pattern": regular expression, "replacement": string }');
      else {
        for (const key of Object.keys(w)) if (key !== 'pattern' && key !== 'replacement') err(`linkRewrite.${key}`, 'unknown field');
        if (typeof w.pattern !== 'string' || w.pattern === '') err('linkRewrite.pattern', 'required regular expression string');
        else {
          const p = regexProblem(w.pattern);
          if (p) err('linkRewrite.pattern', p);
        }
        if (typeof w.replacement !== 'string') err('linkRewrite.replacement', 'required string (the rewritten URL; $1… for groups)');
      }
    }

    if (!Array.isArray(r.languages) || r.languages.length === 0) err('languages', 'required non-empty array of language codes');
    else {
      const before = errors.length;
      r.languages.forEach((l: unknown, j) => {
        if (typeof l !== 'string' || !/^[a-z]{2,3}$/.test(l)) err(`languages[${j}]`, `must be a BCP 47 primary subtag like "en" or "zh" (got ${JSON.stringify(l)})`);
      });
      // Well-formed codes, but ones the parser cannot read: say so instead of fetching pages it will reject.
      if (errors.length === before && !sameLanguages(r.languages as string[], PARSER_LANGUAGES)) {
        const who = typeof r.id === 'string' ? `source ${JSON.stringify(r.id)} lists ` : '';
        err('languages', `${who}${JSON.stringify(r.languages)}, but the parser reads English–Chinese pages only: use ${JSON.stringify(PARSER_LANGUAGES)} (either order)`);
      }
    }

    if (typeof r.schedule !== 'string') err('schedule', 'required EventBridge schedule expression, e.g. "rate(1 hour)"');
    else {
      const p = scheduleProblem(r.schedule.trim());
      if (p) err('schedule', `${p} (got ${JSON.stringify(r.schedule)})`);
    }

    // Stryker disable next-line ConditionalExpression: Number.isInteger refuses anything that is not a number as well.
    if (typeof r.minDelayMs !== 'number' || !Number.isInteger(r.minDelayMs) || r.minDelayMs < 0 || r.minDelayMs > 600_000)
      err('minDelayMs', `must be an integer from 0 to 600000 (got ${JSON.stringify(r.minDelayMs)})`);
    if (r.allowPrivateNetwork !== undefined && typeof r.allowPrivateNetwork !== 'boolean') err('allowPrivateNetwork', 'must be true or false');
    if (r.homepage !== undefined) {
      const p = httpUrlProblem(r.homepage);
      if (p) err('homepage', p);
    }

    if (errors.length === before) {
      const s: Source = {
        id: r.id as string,
        name: (r.name as string).trim(),
        kind: r.kind as SourceKind,
        startUrls: r.startUrls as string[],
        linkPattern: r.linkPattern as string,
        languages: r.languages as string[],
        schedule: (r.schedule as string).trim(),
        minDelayMs: r.minDelayMs as number,
      };
      if (r.linkRewrite !== undefined) {
        const w = r.linkRewrite as { pattern: string; replacement: string };
        s.linkRewrite = { pattern: w.pattern, replacement: w.replacement };
      }
      if (r.allowPrivateNetwork !== undefined) s.allowPrivateNetwork = r.allowPrivateNetwork as boolean;
      if (r.homepage !== undefined) s.homepage = r.homepage as string;
      sources.push(s);
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, sources };
}
