/**
 * Deployment configuration from CDK context (cdk.json defaults, `-c key=value` overrides),
 * validated before any construct exists so a mistake ends synth with one clear sentence
 * naming the setting, not a stack trace from deep inside a construct.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../lambdas/core/errors.js';
import { parseSources, scheduleProblem, type Source } from '../lambdas/core/sources.js';

export { ConfigError };

export interface DuofeedConfig {
  /** Absolute path of the sources file that was read. */
  sourcesFile: string;
  sources: Source[];
  /** The validated sources, minified, as the functions receive them in DUOFEED_SOURCES. */
  sourcesJson: string;
  /** Replaces every source's own schedule when set. */
  scheduleOverride?: string;
  alarmEmail?: string;
  /** Custom domain for the feed; always together with certificateArn. */
  domainName?: string;
  certificateArn?: string;
  /** Days after which raw pages expire; undefined keeps them forever. */
  rawExpiryDays?: number;
}

/** Context keys the app reads; cdk.json carries their defaults. */
export const CONTEXT_KEYS = [
  'sourcesFile',
  'scheduleOverride',
  'alarmEmail',
  'domainName',
  'certificateArn',
  'rawExpiryDays',
] as const;
export type ContextKey = (typeof CONTEXT_KEYS)[number];

export const DEFAULT_SOURCES_FILE = 'lambdas/fetch/sources.default.json';
export const DEFAULT_RAW_EXPIRY_DAYS = 365;
/** Raw pages move to Infrequent Access after this many days (S3 needs expiry to be later). */
export const RAW_IA_AFTER_DAYS = 30;

/**
 * Lambda caps the environment of one function at 4 KB (keys and values together); the
 * sources are inlined there, so a long list must fail at synth, not at deploy.
 */
export const LAMBDA_ENV_LIMIT_BYTES = 4096;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// A domain name (at least two labels), no scheme, path or trailing dot.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
// CloudFront only accepts certificates from ACM in us-east-1.
const CERT_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;

type Lookup = (key: ContextKey) => unknown;

/** Reads and validates the whole configuration; throws ConfigError naming the bad setting. */
export function loadConfig(lookup: Lookup, cwd: string = process.cwd()): DuofeedConfig {
  const sourcesFile = resolve(cwd, optionalString(lookup, 'sourcesFile') ?? DEFAULT_SOURCES_FILE);
  const sources = readSources(sourcesFile);
  const scheduleOverride = optionalString(lookup, 'scheduleOverride');
  const scheduleIssue = scheduleOverride === undefined ? undefined : scheduleProblem(scheduleOverride);
  if (scheduleIssue !== undefined) {
    throw new ConfigError(`context "scheduleOverride": "${scheduleOverride}" is not a schedule: ${scheduleIssue}`);
  }

  const alarmEmail = optionalString(lookup, 'alarmEmail');
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    throw new ConfigError(`context "alarmEmail": "${alarmEmail}" is not an e-mail address`);
  }

  const domainName = optionalString(lookup, 'domainName')?.toLowerCase();
  const certificateArn = optionalString(lookup, 'certificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    const missing = domainName === undefined ? 'domainName' : 'certificateArn';
    throw new ConfigError(
      `context "${missing}" is missing: a custom domain needs both "domainName" and "certificateArn" (or neither)`,
    );
  }
  if (domainName !== undefined && !DOMAIN.test(domainName)) {
    throw new ConfigError(
      `context "domainName": "${domainName}" is not a domain name (give the bare host, e.g. feeds.example.com)`,
    );
  }
  if (certificateArn !== undefined && !CERT_ARN.test(certificateArn)) {
    throw new ConfigError(
      `context "certificateArn": "${certificateArn}" is not an ACM certificate ARN in us-east-1 ` +
        `(CloudFront only uses certificates from us-east-1)`,
    );
  }

  const rawExpiryDays = readExpiry(lookup);
  const sourcesJson = JSON.stringify(sources);
  return {
    sourcesFile,
    sources,
    sourcesJson,
    ...(scheduleOverride !== undefined && { scheduleOverride }),
    ...(alarmEmail !== undefined && { alarmEmail }),
    ...(domainName !== undefined && { domainName }),
    ...(certificateArn !== undefined && { certificateArn }),
    ...(rawExpiryDays !== undefined && { rawExpiryDays }),
  };
}

/** Empty strings count as unset, so `-c alarmEmail=` switches a cdk.json default off. */
function optionalString(lookup: Lookup, key: ContextKey): string | undefined {
  const v = lookup(key);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new ConfigError(`context "${key}": expected a string, got ${JSON.stringify(v)}`);
  return v.trim() === '' ? undefined : v.trim();
}

function readExpiry(lookup: Lookup): number | undefined {
  const v = lookup('rawExpiryDays');
  if (v === undefined || v === null || v === '') return DEFAULT_RAW_EXPIRY_DAYS;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (n === 0) return undefined;
  if (!Number.isInteger(n) || n <= RAW_IA_AFTER_DAYS) {
    throw new ConfigError(
      `context "rawExpiryDays": ${JSON.stringify(v)} must be a whole number of days above ${RAW_IA_AFTER_DAYS} ` +
        `(raw pages move to Infrequent Access after ${RAW_IA_AFTER_DAYS} days), or 0 to keep them forever`,
    );
  }
  return n;
}

function readSources(file: string): Source[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`context "sourcesFile": cannot read ${file} (${(cause as Error).message})`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`sources file ${file}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  return validateSources(json, file);
}

/**
 * The functions validate DUOFEED_SOURCES with the same parseSources at cold start; running it
 * here turns a bad record into a failed synth instead of a failed deployment.
 */
export function validateSources(json: unknown, file: string): Source[] {
  const result = parseSources(json);
  if (!result.ok) {
    throw new ConfigError(`sources file ${file}: ${result.errors.join('; ')}`);
  }
  for (const s of result.sources) {
    // The SSRF guard lets such a source reach private addresses; inside a Lambda that would
    // expose the runtime API and whatever the account's network can reach.
    if (s.allowPrivateNetwork === true) {
      throw new ConfigError(
        `sources file ${file}: source "${s.id}" field "allowPrivateNetwork" is true; that is only for local samples ` +
          `and is refused for a deployment`,
      );
    }
  }
  return result.sources;
}
