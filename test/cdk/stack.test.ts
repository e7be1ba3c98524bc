/**
 * The stack as `npx cdk synth` builds it with cdk.json's defaults: resources, wiring
 * (env vars, event sources, grants), IAM breadth, cdk-nag. One synth, shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type DuofeedConfig } from '../../lib/config.js';
import { ESM_REQUIRE_BANNER } from '../../lib/bundling.js';
import { createDuofeedApp } from '../../lib/duofeed-app.js';
import { FEED_QUERY_PARAMS, PARSE_BATCH_SIZE, PARSE_MAX_RECEIVES, PROJECT_ROOT, SIZING } from '../../lib/duofeed-stack.js';
import { INDEXES, TABLE } from '../../lambdas/adapters/table-schema.js';
import { tableSchema } from '../../lambdas/adapters/dynamo-store.js';
import { asArray, cdkJsonContext, logicalId, policyStatements, synth, type Synthesized } from './helpers.js';

let s: Synthesized;
let t: Template;
let config: DuofeedConfig;
const fnId = { fetch: '', parse: '', feed: '' };

beforeAll(() => {
  s = synth();
  t = s.template;
  const ctx = cdkJsonContext();
  config = loadConfig((k) => ctx[k], PROJECT_ROOT);
  for (const name of ['fetch', 'parse', 'feed'] as const) {
    const title = name[0]!.toUpperCase() + name.slice(1);
    fnId[name] = logicalId(t, 'AWS::Lambda::Function', `${title}Function`);
  }
});
afterAll(() => s?.cleanup());

type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
const props = (type: string, id: string): Props => (t.findResources(type)[id] as { Properties: Props }).Properties;
const getAtt = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('raw pages bucket', () => {
  const rawId = () => logicalId(t, 'AWS::S3::Bucket', 'RawPages');

  it('blocks public access, encrypts, logs access and expires raw pages', () => {
    expect(props('AWS::S3::Bucket', rawId())).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(t, 'AWS::S3::Bucket', 'AccessLogs') } },
    });
    const rules = props('AWS::S3::Bucket', rawId()).LifecycleConfiguration.Rules as Props[];
    expect(rules).toContainEqual(
      expect.objectContaining({
        Prefix: 'raw/',
        Status: 'Enabled',
        Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
        ExpirationInDays: 365,
      }),
    );
  });

  it('denies requests without TLS', () => {
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: rawId() },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('articles table', () => {
  const tableProps = () => Object.values(t.findResources('AWS::DynamoDB::Table'))[0]!.Properties as Props;

  it('is on-demand with PITR, and built from the shared schema (keys, indexes, projections, TTL)', () => {
    t.resourceCountIs('AWS::DynamoDB::Table', 1);
    const keys = (pk: string, sk: string) => [
      { AttributeName: pk, KeyType: 'HASH' },
      { AttributeName: sk, KeyType: 'RANGE' },
    ];
    t.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: TABLE.billingMode,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      KeySchema: keys(TABLE.partitionKey, TABLE.sortKey),
      GlobalSecondaryIndexes: INDEXES.map((i) => ({ IndexName: i.name, KeySchema: keys(i.partitionKey, i.sortKey), Projection: { ProjectionType: i.projection } })),
    });
  });

  it('has nothing the schema lacks: the synthesized table, read back, is what the local stand-ins create', () => {
    // The other direction: from the template to a CreateTable input, compared with the one
    // the DynamoDB adapter builds from table-schema.ts. An extra index, attribute or key in
    // the stack (or a changed projection) fails here even if every assertion above holds.
    const p = tableProps();
    const byName = (a: { AttributeName?: string }, b: { AttributeName?: string }) => String(a.AttributeName).localeCompare(String(b.AttributeName));
    const fromStack = {
      BillingMode: p.BillingMode,
      AttributeDefinitions: [...(p.AttributeDefinitions as Props[])].sort(byName),
      KeySchema: p.KeySchema,
      GlobalSecondaryIndexes: (p.GlobalSecondaryIndexes as Props[]).map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection })),
      ttl: p.TimeToLiveSpecification,
    };
    const local = tableSchema('any');
    expect(fromStack).toEqual({
      BillingMode: local.BillingMode,
      AttributeDefinitions: [...(local.AttributeDefinitions ?? [])].sort(byName),
      KeySchema: local.KeySchema,
      GlobalSecondaryIndexes: local.GlobalSecondaryIndexes,
      ttl: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    });
    expect(Object.keys(p).sort()).toEqual(
      ['AttributeDefinitions', 'BillingMode', 'GlobalSecondaryIndexes', 'KeySchema', 'PointInTimeRecoverySpecification', 'Tags', 'TimeToLiveSpecification'].sort(),
    );
  });
});

describe('parse queue', () => {
  it('redrives to an encrypted DLQ and outlasts 6 parse timeouts', () => {
    const queueId = logicalId(t, 'AWS::SQS::Queue', 'ParseQueue');
    const dlqId = logicalId(t, 'AWS::SQS::Queue', 'ParseDeadLetters');
    const queue = props('AWS::SQS::Queue', queueId);
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: getAtt(dlqId), maxReceiveCount: PARSE_MAX_RECEIVES });
    expect(queue.SqsManagedSseEnabled).toBe(true);
    expect(props('AWS::SQS::Queue', dlqId).SqsManagedSseEnabled).toBe(true);
    const parseTimeout = props('AWS::Lambda::Function', fnId.parse).Timeout as number;
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * parseTimeout);
  });

  it('denies requests without TLS on both queues', () => {
    for (const prefix of ['ParseQueue', 'ParseDeadLetters']) {
      t.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId(t, 'AWS::SQS::Queue', prefix) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('tells parse the DLQ and the redrive\'s receive count, from the same constant', () => {
    const vars = props('AWS::Lambda::Function', fnId.parse).Environment.Variables as Props;
    const queue = props('AWS::SQS::Queue', logicalId(t, 'AWS::SQS::Queue', 'ParseQueue'));
    expect(vars.DUOFEED_DLQ_URL).toEqual({ Ref: logicalId(t, 'AWS::SQS::Queue', 'ParseDeadLetters') });
    expect(vars.DUOFEED_MAX_RECEIVES).toBe(String(queue.RedrivePolicy.maxReceiveCount));
    expect(Number(vars.DUOFEED_MAX_RECEIVES)).toBe(PARSE_MAX_RECEIVES);
  });

  it('feeds parse in small batches with per-message failures', () => {
    t.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fnId.parse },
      EventSourceArn: getAtt(logicalId(t, 'AWS::SQS::Queue', 'ParseQueue')),
      BatchSize: PARSE_BATCH_SIZE,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });
});

describe('schedules', () => {
  it('has one schedule per source invoking fetch with {"sourceId": id}', () => {
    const schedules = Object.values(t.findResources('AWS::Scheduler::Schedule')).map((r) => r.Properties as Props);
    expect(schedules).toHaveLength(config.sources.length);
    for (const source of config.sources) {
      const mine = schedules.filter((p) => JSON.parse(p.Target.Input as string).sourceId === source.id);
      expect(mine, source.id).toHaveLength(1);
      expect(JSON.parse(mine[0]!.Target.Input as string)).toEqual({ sourceId: source.id });
      expect(mine[0]!.ScheduleExpression).toBe(source.schedule);
      expect(mine[0]!.Target.Arn).toEqual(getAtt(fnId.fetch));
    }
  });

  it('keeps fetch runs from overlapping and from piling up', () => {
    expect(props('AWS::Lambda::Function', fnId.fetch).ReservedConcurrentExecutions).toBe(1);
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId.fetch },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 3600,
    });
  });
});

describe('functions', () => {
  it.each(['fetch', 'parse', 'feed'] as const)('%s: arm64, Node.js ≥ 22, ESM bundle, JSON logs with retention, sized', (name) => {
    const p = props('AWS::Lambda::Function', fnId[name]);
    expect(p.Architectures).toEqual(['arm64']);
    expect(Number(/^nodejs(\d+)\.x$/.exec(p.Runtime as string)?.[1])).toBeGreaterThanOrEqual(22);
    expect(p.Handler).toBe('index.handler');
    expect(p.MemorySize).toBe(SIZING[name].memoryMiB);
    expect(p.Timeout).toBe(SIZING[name].timeout.toSeconds());
    expect(p.LoggingConfig).toMatchObject({ LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } });
    const logGroup = props('AWS::Logs::LogGroup', p.LoggingConfig.LogGroup.Ref as string);
    expect(logGroup.RetentionInDays).toBeGreaterThan(0);
    expect(p.Tags).toContainEqual({ Key: 'project', Value: 'duofeed' });
    // Source maps are shipped, so Node must be told to use them.
    expect(p.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
  });

  it.each([
    ['fetch', ['DUOFEED_BUCKET', 'DUOFEED_QUEUE_URL', 'DUOFEED_SOURCES', 'DUOFEED_TABLE']],
    ['parse', ['DUOFEED_BUCKET', 'DUOFEED_DLQ_URL', 'DUOFEED_MAX_RECEIVES', 'DUOFEED_SOURCES', 'DUOFEED_TABLE']],
    ['feed', ['DUOFEED_CURSOR_KEY', 'DUOFEED_SOURCES', 'DUOFEED_TABLE']],
  ] as const)('%s gets exactly the environment it needs', (name, keys) => {
    const vars = props('AWS::Lambda::Function', fnId[name]).Environment.Variables as Props;
    expect(Object.keys(vars).filter((k) => k.startsWith('DUOFEED_')).sort()).toEqual([...keys]);
    expect(vars.DUOFEED_TABLE).toEqual({ Ref: logicalId(t, 'AWS::DynamoDB::Table', 'Articles') });
    if ('DUOFEED_BUCKET' in vars) expect(vars.DUOFEED_BUCKET).toEqual({ Ref: logicalId(t, 'AWS::S3::Bucket', 'RawPages') });
    if ('DUOFEED_QUEUE_URL' in vars) {
      expect(vars.DUOFEED_QUEUE_URL).toEqual({ Ref: logicalId(t, 'AWS::SQS::Queue', 'ParseQueue') });
    }
    // The sources the functions validate at cold start are exactly the validated file.
    expect(JSON.parse(vars.DUOFEED_SOURCES as string)).toEqual(config.sources);
  });

  it('the feed signs cursors with a key generated at deploy, resolved into its environment (no runtime secret reads)', () => {
    const secrets = t.findResources('AWS::SecretsManager::Secret');
    const id = logicalId(t, 'AWS::SecretsManager::Secret', 'CursorKey');
    expect(Object.keys(secrets)).toEqual([id]);
    expect(props('AWS::SecretsManager::Secret', id).GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    const key = props('AWS::Lambda::Function', fnId.feed).Environment.Variables.DUOFEED_CURSOR_KEY;
    expect(key).toEqual({ 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: id }, ':SecretString:::}}']] });
    // Resolved by CloudFormation at deploy: no function may read the secret at run time.
    expect(policyStatements(t).filter(({ statement }) => JSON.stringify(statement).includes('secretsmanager:'))).toEqual([]);
  });

  it.each(['fetch', 'parse', 'feed'] as const)('%s bundle is a minified ESM file with the require banner and a source map', (name) => {
    const asset = props('AWS::Lambda::Function', fnId[name]).Code.S3Key as string;
    const dir = join(s.outdir, `asset.${asset.replace(/\.zip$/, '')}`);
    const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    // Nothing left for the runtime to provide: no bare imports of npm packages remain.
    expect(code).not.toMatch(/\bfrom\s*["'](?!node:)[@a-z]/);
    // Minified: newlines survive only inside template literals, so lines are long.
    expect(code.length / code.split('\n').length).toBeGreaterThan(500);
  });
});

describe('feed delivery', () => {
  it('exposes the feed function through a public function URL', () => {
    t.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', TargetFunctionArn: getAtt(fnId.feed) });
  });

  it('serves it through CloudFront: HTTPS only, compressed, cache keyed on path + lang/limit/cursor', () => {
    const dist = Object.values(t.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig as Props;
    const behavior = dist.DefaultCacheBehavior as Props;
    expect(behavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true });
    expect(dist.Origins[0].CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    const policy = props('AWS::CloudFront::CachePolicy', behavior.CachePolicyId.Ref as string).CachePolicyConfig as Props;
    expect(policy).toMatchObject({ MinTTL: 0, DefaultTTL: 300 });
    expect(policy.MaxTTL).toBeGreaterThanOrEqual(300);
    const key = policy.ParametersInCacheKeyAndForwardedToOrigin as Props;
    expect(key.QueryStringsConfig.QueryStringBehavior).toBe('whitelist');
    expect([...key.QueryStringsConfig.QueryStrings].sort()).toEqual([...FEED_QUERY_PARAMS].sort());
    expect(key.HeadersConfig.HeaderBehavior).toBe('none');
    expect(key.CookiesConfig.CookieBehavior).toBe('none');
    expect(key).toMatchObject({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true });
  });

  it('forwards the viewer host as x-forwarded-host, overwriting any forged value', () => {
    const dist = Object.values(t.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig as Props;
    const behavior = dist.DefaultCacheBehavior as Props;
    const orp = props('AWS::CloudFront::OriginRequestPolicy', behavior.OriginRequestPolicyId.Ref as string)
      .OriginRequestPolicyConfig as Props;
    expect(orp.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: ['x-forwarded-host'] });
    expect(behavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionARN'] } },
    ]);
    const fnLogical = behavior.FunctionAssociations[0].FunctionARN['Fn::GetAtt'][0] as string;
    const code = props('AWS::CloudFront::Function', fnLogical).FunctionCode as string;
    // Run the deployed function source on a viewer request, as CloudFront would.
    const sandbox: { handler?: (e: unknown) => Props } = {};
    runInNewContext(`${code}\nthis.handler = handler;`, sandbox);
    const out = sandbox.handler!({
      request: { headers: { host: { value: 'feeds.example.org' }, 'x-forwarded-host': { value: 'evil.example' } } },
    });
    expect(out.headers['x-forwarded-host']).toEqual({ value: 'feeds.example.org' });
  });

  it('uses no custom domain by default', () => {
    const dist = Object.values(t.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig as Props;
    expect(dist.Aliases).toBeUndefined();
    expect(props('AWS::Lambda::Function', fnId.feed).Environment.Variables.DUOFEED_PUBLIC_URL).toBeUndefined();
    t.hasOutput('FeedUrl', {
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.anyValue(), 'DomainName'] }, '/']] },
    });
  });
});

describe('alarms', () => {
  const alarms = () => Object.values(t.findResources('AWS::CloudWatch::Alarm')).map((r) => r.Properties as Props);
  const topicRef = () => ({ Ref: logicalId(t, 'AWS::SNS::Topic', 'Alarms') });

  it.each([
    ['ApproximateNumberOfMessagesVisible', 'AWS/SQS', () => ({ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(t, 'AWS::SQS::Queue', 'ParseDeadLetters'), 'QueueName'] } })],
    ['Errors', 'AWS/Lambda', () => ({ Name: 'FunctionName', Value: { Ref: fnId.fetch } })],
    ['Errors', 'AWS/Lambda', () => ({ Name: 'FunctionName', Value: { Ref: fnId.parse } })],
    ['Url5xxCount', 'AWS/Lambda', () => ({ Name: 'FunctionName', Value: { Ref: fnId.feed } })],
  ])('%s on %s fires above 0 and notifies the topic', (metric, namespace, dimension) => {
    const matching = alarms().filter(
      (a) => a.MetricName === metric && a.Namespace === namespace && JSON.stringify(a.Dimensions) === JSON.stringify([dimension()]),
    );
    expect(matching).toHaveLength(1);
    expect(matching[0]).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    expect(matching[0]!.AlarmActions).toEqual([topicRef()]);
  });

  it('subscribes no e-mail unless alarmEmail is set', () => {
    t.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('IAM', () => {
  const statements = () => policyStatements(t).filter(({ statement }) => statement.Effect === 'Allow');
  const roleOf = (name: 'fetch' | 'parse' | 'feed') => props('AWS::Lambda::Function', fnId[name]).Role['Fn::GetAtt'][0] as string;
  const actionsOf = (name: 'fetch' | 'parse' | 'feed') =>
    statements()
      .filter(({ policy }) => (props('AWS::IAM::Policy', policy).Roles as Props[]).some((r) => r.Ref === roleOf(name)))
      .flatMap(({ statement }) => asArray(statement.Action as string | string[]));

  it('allows no wildcard action and no "*" resource', () => {
    for (const { policy, statement } of statements()) {
      for (const action of asArray(statement.Action as string | string[])) {
        expect(action, policy).not.toBe('*');
        expect(action, policy).not.toMatch(/^[a-z0-9-]+:\*$/);
      }
      for (const resource of asArray(statement.Resource as unknown)) expect(resource, policy).not.toBe('*');
    }
  });

  it('uses wildcard resources only for the raw/ prefix, table indexes and function versions', () => {
    const bucket = logicalId(t, 'AWS::S3::Bucket', 'RawPages');
    const table = logicalId(t, 'AWS::DynamoDB::Table', 'Articles');
    const allowed = [
      JSON.stringify({ 'Fn::Join': ['', [getAtt(bucket), '/raw/*']] }),
      JSON.stringify({ 'Fn::Join': ['', [getAtt(table), '/index/*']] }),
      JSON.stringify({ 'Fn::Join': ['', [getAtt(fnId.fetch), ':*']] }),
    ];
    for (const { policy, statement } of statements()) {
      for (const resource of asArray(statement.Resource as unknown)) {
        const json = JSON.stringify(resource);
        if (json.includes('*')) expect(allowed, `${policy}: ${json}`).toContain(json);
      }
    }
  });

  it('attaches no managed policies to the function roles', () => {
    for (const name of ['fetch', 'parse', 'feed'] as const) {
      expect(props('AWS::IAM::Role', roleOf(name)).ManagedPolicyArns).toBeUndefined();
    }
  });

  it('lets fetch write raw pages, enqueue and use the table, but not read or delete pages', () => {
    const actions = actionsOf('fetch');
    expect(actions).toEqual(expect.arrayContaining(['s3:PutObject', 'sqs:SendMessage', 'dynamodb:PutItem', 'dynamodb:Query']));
    expect(actions.filter((a) => /^s3:(Get|Delete|List)/.test(a))).toEqual([]);
    expect(actions.filter((a) => /^sqs:(Receive|Delete)/.test(a))).toEqual([]);
  });

  it('lets parse read raw pages, consume the queue and write the table, but not write pages', () => {
    const actions = actionsOf('parse');
    // Query and BatchWriteItem: a source's boilerplate records, read per source and written after each batch.
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject*', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem']));
    expect(actions.filter((a) => /^s3:(Put|Delete|Abort)/.test(a))).toEqual([]);
  });

  it('lets parse send messages to the DLQ and nowhere else', () => {
    const mine = statements().filter(({ policy }) => (props('AWS::IAM::Policy', policy).Roles as Props[]).some((r) => r.Ref === roleOf('parse')));
    const sending = mine.filter(({ statement }) => asArray(statement.Action as string | string[]).includes('sqs:SendMessage'));
    expect(sending).toHaveLength(1);
    expect(asArray(sending[0]!.statement.Resource as unknown)).toEqual([getAtt(logicalId(t, 'AWS::SQS::Queue', 'ParseDeadLetters'))]);
    // Receive/Delete are on the parse queue only (the event source); the DLQ is write-only for parse.
    for (const { statement } of mine) {
      const actions = asArray(statement.Action as string | string[]);
      if (actions.some((a) => /^sqs:(Receive|Delete|ChangeMessageVisibility)/.test(a))) {
        expect(asArray(statement.Resource as unknown)).toEqual([getAtt(logicalId(t, 'AWS::SQS::Queue', 'ParseQueue'))]);
      }
    }
  });

  it('lets feed only read the table', () => {
    const actions = actionsOf('feed').filter((a) => !a.startsWith('logs:'));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith('dynamodb:'))).toBe(true);
    expect(actions.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
  });

  it('lets each function write only its own log group', () => {
    for (const name of ['fetch', 'parse', 'feed'] as const) {
      const logGroup = props('AWS::Lambda::Function', fnId[name]).LoggingConfig.LogGroup.Ref as string;
      const logStatements = statements().filter(({ statement }) =>
        asArray(statement.Action as string | string[]).some((a) => a.startsWith('logs:')),
      );
      const mine = logStatements.filter(({ policy }) =>
        (props('AWS::IAM::Policy', policy).Roles as Props[]).some((r) => r.Ref === roleOf(name)),
      );
      expect(mine.map(({ statement }) => statement.Resource)).toEqual([getAtt(logGroup)]);
    }
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports nothing unacknowledged', () => {
    const report = s.nag.validateScope(s.app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(',')}`)).toEqual([]);
  });

  it('gives every acknowledgment a written reason', () => {
    const acks: { path: string; id: string; reason: string }[] = [];
    const walk = (c: typeof s.app.node.root) => {
      for (const m of c.node.metadata) {
        if (m.type === 'aws:cdk:acknowledged-rules') {
          for (const [id, reason] of Object.entries(m.data as Record<string, string>)) acks.push({ path: c.node.path, id, reason });
        }
      }
      c.node.children.forEach(walk);
    };
    walk(s.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const a of acks) expect(a.reason.length, `${a.path} ${a.id}`).toBeGreaterThanOrEqual(40);
  });

  it('still catches a violation added to the same app (the check is live)', () => {
    const probe = createDuofeedApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
    new s3.Bucket(probe.stack, 'UnloggedBucket');
    const rules = probe.nag.validateScope(probe.app).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
    expect(() => probe.app.synth()).toThrow(/AwsSolutions-S1/);
  });
});
