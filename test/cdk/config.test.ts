/**
 * Context validation (clear ConfigError naming the setting) and the resources that depend on
 * context. These synths skip bundling: only configuration-dependent resources are checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ContextKey } from '../../lib/config.js';
import { PROJECT_ROOT } from '../../lib/duofeed-stack.js';
import { cdkJsonContext, synth } from './helpers.js';

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
let dir: string;

const source = (over: Record<string, unknown> = {}) => ({
  id: 'example-news',
  name: 'Example News',
  kind: 'rss',
  startUrls: ['https://news.example.com/feed.xml'],
  linkPattern: '^https://news\\.example\\.com/',
  languages: ['en', 'zh'],
  schedule: 'rate(1 hour)',
  minDelayMs: 2000,
  ...over,
});

function sourcesFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function load(context: Partial<Record<ContextKey, unknown>>) {
  const merged: Record<string, unknown> = { ...cdkJsonContext(), ...context };
  return loadConfig((k) => merged[k], PROJECT_ROOT);
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duofeed-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('accepts cdk.json defaults: the default sources, 365-day expiry, no domain or e-mail', () => {
    const c = load({});
    expect(c.sources.length).toBeGreaterThan(0);
    expect(c.rawExpiryDays).toBe(365);
    expect(c.domainName).toBeUndefined();
    expect(c.alarmEmail).toBeUndefined();
    expect(JSON.parse(c.sourcesJson)).toEqual(c.sources);
  });

  it.each([
    [{ rawExpiryDays: 'abc' }, /context "rawExpiryDays": "abc" must be a whole number of days above 30/],
    [{ rawExpiryDays: 30 }, /"rawExpiryDays": 30 .*Infrequent Access after 30 days/],
    [{ rawExpiryDays: 45.5 }, /"rawExpiryDays"/],
    [{ domainName: 'feeds.example.com' }, /context "certificateArn" is missing/],
    [{ certificateArn: CERT }, /context "domainName" is missing/],
    [{ domainName: 'https://feeds.example.com', certificateArn: CERT }, /"domainName": .*bare host/],
    [{ domainName: 'feeds.example.com', certificateArn: CERT.replace('us-east-1', 'eu-west-1') }, /"certificateArn": .*us-east-1/],
    [{ alarmEmail: 'ops-at-example' }, /context "alarmEmail": "ops-at-example" is not an e-mail address/],
    [{ alarmEmail: 42 }, /context "alarmEmail": expected a string/],
    [{ scheduleOverride: 'every hour' }, /context "scheduleOverride": "every hour" is not a schedule/],
    [{ scheduleOverride: 'rate(5 minute)' }, /"scheduleOverride".*minutes/],
    [{ sourcesFile: 'no/such/file.json' }, /context "sourcesFile": cannot read .*no\/such\/file\.json/],
  ])('rejects %j', (context, message) => {
    expect(errorOf(() => load(context)).message).toMatch(message);
  });

  it('names the file, record and field of a bad source', () => {
    const file = sourcesFile('bad-schedule.json', [source(), source({ id: 'second', schedule: 'hourly' })]);
    const e = errorOf(() => load({ sourcesFile: file }));
    expect(e.message).toContain(file);
    expect(e.message).toMatch(/sources\[1\]\.schedule/);
  });

  it('rejects a sources file that is not JSON, with the parser reason', () => {
    const file = sourcesFile('broken.json', '[{"id": ');
    expect(errorOf(() => load({ sourcesFile: file })).message).toMatch(/broken\.json: not valid JSON/);
  });

  it('refuses local-only sources (allowPrivateNetwork, as in the samples) for a deployment', () => {
    const file = sourcesFile('local.json', [source(), source({ id: 'loopback', allowPrivateNetwork: true })]);
    expect(errorOf(() => load({ sourcesFile: file })).message).toMatch(
      /source "loopback" field "allowPrivateNetwork" is true; that is only for local samples/,
    );
  });

  it('treats rawExpiryDays 0 as "keep forever" and -c strings as numbers', () => {
    expect(load({ rawExpiryDays: 0 }).rawExpiryDays).toBeUndefined();
    expect(load({ rawExpiryDays: '0' }).rawExpiryDays).toBeUndefined();
    expect(load({ rawExpiryDays: '90' }).rawExpiryDays).toBe(90);
  });
});

// A synth is seconds of CPU, and the file's first pays for loading aws-cdk-lib's modules
// (7.5 s idle, 50 s once on a machine busy with mutation runs): a timeout for that, not 30 s.
describe('context-dependent resources', { timeout: 120_000 }, () => {
  it('uses a custom domain with its certificate, TLS 1.2 and DUOFEED_PUBLIC_URL', () => {
    const s = synth({ domainName: 'Feeds.Example.com', certificateArn: CERT }, { bundle: false });
    try {
      const dist = Object.values(s.template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
      expect(dist.Aliases).toEqual(['feeds.example.com']);
      expect(dist.ViewerCertificate).toMatchObject({
        AcmCertificateArn: CERT,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      });
      const feed = Object.entries(s.template.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('FeedFunction'))!;
      expect(feed[1].Properties.Environment.Variables.DUOFEED_PUBLIC_URL).toBe('https://feeds.example.com');
      s.template.hasOutput('FeedUrl', { Value: 'https://feeds.example.com/' });
      // CFR4 is acknowledged only without a certificate; here nag checks it (synth would throw).
      expect(s.nag.validateScope(s.app).violations).toEqual([]);
    } finally {
      s.cleanup();
    }
  });

  it('applies scheduleOverride to every source, subscribes alarmEmail and honours rawExpiryDays', () => {
    const file = sourcesFile('three.json', [source({ id: 'a' }), source({ id: 'b', schedule: 'rate(2 hours)' }), source({ id: 'c' })]);
    const s = synth(
      { sourcesFile: file, scheduleOverride: 'cron(0 6 * * ? *)', alarmEmail: 'ops@example.com', rawExpiryDays: '0' },
      { bundle: false },
    );
    try {
      const schedules = Object.values(s.template.findResources('AWS::Scheduler::Schedule'));
      expect(schedules.map((r) => r.Properties.ScheduleExpression)).toEqual(Array(3).fill('cron(0 6 * * ? *)'));
      s.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
      const raw = Object.entries(s.template.findResources('AWS::S3::Bucket')).find(([id]) => id.startsWith('RawPages'))!;
      const rule = raw[1].Properties.LifecycleConfiguration.Rules.find((r: { Prefix?: string }) => r.Prefix === 'raw/');
      expect(rule.ExpirationInDays).toBeUndefined();
      expect(rule.Transitions).toEqual([{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }]);
    } finally {
      s.cleanup();
    }
  });

  it('fails synth when the inlined sources would overflow the 4 KB Lambda environment', () => {
    const many = Array.from({ length: 20 }, (_, i) => source({ id: `source-${i}`, name: `A long enough source name number ${i}` }));
    const file = sourcesFile('many.json', many);
    expect(() => synth({ sourcesFile: file }, { bundle: false })).toThrow(
      expect.objectContaining({ name: 'ConfigError', message: expect.stringMatching(/4096-byte limit; DUOFEED_SOURCES is \d+ bytes/) }),
    );
  });
});

describe('lib/app.ts (what `cdk synth` runs)', { timeout: 120_000 }, () => {
  it('exits 1 with one clear line, not a stack trace, on bad context', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'duofeed-app-'));
    try {
      const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['lib/app.ts'], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        // How the CDK CLI hands context and the output directory to the app.
        env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ ...cdkJsonContext(), rawExpiryDays: 'soon' }), CDK_OUTDIR: outdir },
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        'duofeed: context "rawExpiryDays": "soon" must be a whole number of days above 30 ' +
          '(raw pages move to Infrequent Access after 30 days), or 0 to keep them forever',
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('regions', { timeout: 120_000 }, () => {
  const supported = 'us-east-1, us-east-2, us-west-1, us-west-2, ca-central-1, sa-east-1, eu-west-1, eu-west-2, eu-west-3, eu-central-1, eu-north-1, eu-south-1, ap-northeast-1, ap-northeast-2, ap-northeast-3, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-south-1, ap-east-1, me-south-1, af-south-1';

  it.each([
    ['ap-south-2', "Lambda function URLs, the feed's origin, are not available there"],
    ['il-central-1', "Lambda function URLs, the feed's origin, are not available there"],
    ['us-gov-west-1', "CloudFront, the feed's front, is not part of the AWS GovCloud (US) partition"],
    ['cn-north-1', 'CloudFront in the China regions serves only ICP-filed custom domains and has no CloudFront Functions'],
    ['mx-central-1', 'not checked for Lambda function URLs and CloudFront'],
    ['moon-base-1x', 'not an AWS region name'],
  ])('synth refuses %s from context, naming it, why, and where it deploys', (region, why) => {
    expect(() => synth({ region }, { bundle: false })).toThrow(new ConfigError(`context "region": region "${region}" is not supported (${why}); duofeed deploys to ${supported}`));
  });

  it('synth refuses the CLI\'s target region the same way, and pins a supported one', () => {
    const saved = process.env.CDK_DEFAULT_REGION;
    try {
      process.env.CDK_DEFAULT_REGION = 'eu-central-2';
      expect(() => synth({}, { bundle: false })).toThrow(/^the target region \(CDK_DEFAULT_REGION, from AWS_REGION or the AWS profile\): region "eu-central-2" is not supported/);
    } finally {
      if (saved === undefined) delete process.env.CDK_DEFAULT_REGION;
      else process.env.CDK_DEFAULT_REGION = saved;
    }
    const s = synth({ region: 'eu-west-1' }, { bundle: false });
    try {
      expect(s.stack.region).toBe('eu-west-1');
    } finally {
      s.cleanup();
    }
  });

  it('`npx cdk synth -c region=…` prints one line and exits non-zero', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'duofeed-region-'));
    try {
      const run = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/cdk'), ['synth', '--quiet', '-c', 'region=ap-southeast-4', '--output', outdir], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
        env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
      });
      expect(run.status).not.toBe(0);
      const ours = run.stderr.split('\n').filter((l) => l.startsWith('duofeed:'));
      expect(ours).toEqual([`duofeed: context "region": region "ap-southeast-4" is not supported (Lambda function URLs, the feed's origin, are not available there); duofeed deploys to ${supported}`]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});
