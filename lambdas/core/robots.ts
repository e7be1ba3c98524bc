/**
 * robots.txt (RFC 9309), pure. We obey the group naming our product token ("duofeed"),
 * else the "*" group; the longest matching rule decides and Allow wins a tie; `*` and a
 * trailing `$` are the only wildcards. Crawl-delay is not in the RFC but many news sites
 * set it, so we honour it as a minimum spacing between our requests.
 */

export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written (percent-encoding normalised). */
  pattern: string;
}

export interface RobotsPolicy {
  rules: RobotsRule[];
  crawlDelayMs?: number;
}

export const ALLOW_ALL: RobotsPolicy = { rules: [] };
/** What RFC 9309 §2.3.1.4 asks for when robots.txt is unreachable (5xx, network error). */
// Stryker disable next-line StringLiteral: an empty pattern matches every path as '/' does (every path starts with '/').
export const DISALLOW_ALL: RobotsPolicy = { rules: [{ allow: false, pattern: '/' }] };

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelayMs?: number;
}

const MAX_BYTES = 500 * 1024; // RFC 9309 §2.5: parse at least 500 KiB, ignore the rest.

function normalisePath(p: string): string {
  // Decode what need not be encoded so /a%62 and /ab compare equal; keep reserved escapes.
  return p.replace(/%([0-9a-f]{2})/gi, (whole, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    // Stryker disable next-line MethodExpression: rules and paths both pass through here, so lower case would compare the same.
    return /[A-Za-z0-9\-._~]/.test(c) ? c : whole.toUpperCase();
  });
}

/** The policy in `text` for the crawler whose product token is `agent` (e.g. "duofeed"). */
export function parseRobots(text: string, agent: string): RobotsPolicy {
  const groups: Group[] = [];
  let current: Group | undefined;
  // Stryker disable next-line BooleanLiteral: read only once `current` exists, i.e. after a User-agent line set it.
  let lastWasAgent = false;
  for (const rawLine of text.slice(0, MAX_BYTES).split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = (m[1] as string).toLowerCase();
    const value = m[2] as string; // trimmed already: the line is, and \s* takes the space after ':'
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        // Stryker disable next-line ArrayDeclaration: an extra mixed-case agent never matches the lower-cased token.
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      // An empty Disallow allows everything; it adds no rule.
      if (value !== '') current.rules.push({ allow: key === 'allow', pattern: normalisePath(value) });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelayMs = Math.min(seconds, 300) * 1000;
    }
  }
  const token = agent.toLowerCase();
  // A product token names us when ours starts with it (version dropped); '*' never does, and an
  // empty one (`User-agent:` alone, or `/1.0`) names no one.
  const names = (a: string): boolean => {
    // Stryker disable next-line Regex: without the '$' the same text goes (a value holds no line break).
    const name = a.replace(/\/.*$/, '');
    return name !== '' && token.startsWith(name);
  };
  const mine = groups.filter((g) => g.agents.some(names));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes('*'));
  const policy: RobotsPolicy = { rules: chosen.flatMap((g) => g.rules) };
  const delays = chosen.map((g) => g.crawlDelayMs).filter((d): d is number => d !== undefined);
  if (delays.length) policy.crawlDelayMs = Math.max(...delays);
  return policy;
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = new RegExp('^' + body.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + (anchored ? '$' : ''));
  return re.test(path);
}

/** Whether `url` (absolute) may be fetched under `policy`. /robots.txt itself always may. */
export function isAllowed(policy: RobotsPolicy, url: string): boolean {
  let path: string;
  try {
    const u = new URL(url);
    path = normalisePath(u.pathname + u.search);
  } catch {
    return false;
  }
  if (path === '/robots.txt') return true;
  let best: RobotsRule | undefined;
  for (const rule of policy.rules) {
    if (!matches(rule.pattern, path)) continue;
    const longer = !best || rule.pattern.length > best.pattern.length;
    const tieAllow = best && rule.pattern.length === best.pattern.length && rule.allow && !best.allow;
    if (longer || tieAllow) best = rule;
  }
  return best ? best.allow : true;
}
