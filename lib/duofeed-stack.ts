/**
 * The whole duofeed pipeline in one stack (DESIGN.md "Data flow"):
 * Scheduler → fetch λ → S3 raw + SQS → parse λ → DynamoDB ← feed λ ← CloudFront.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
  type CfnElement,
  type StackProps,
} from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { cdkBundling, entryFor, RUNTIME_NODE_OPTIONS, type FunctionName } from './bundling.js';
import { INDEXES, TABLE } from '../lambdas/adapters/table-schema.js';
import { QUERY_PARAMS } from '../lambdas/core/feed/route.js';
import { ConfigError, LAMBDA_ENV_LIMIT_BYTES, RAW_IA_AFTER_DAYS, type DuofeedConfig } from './config.js';

/** The repository root: entries and package-lock.json are resolved from here. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Header the CloudFront viewer-request function sets to the Host the reader asked for. */
export const FORWARDED_HOST_HEADER = 'x-forwarded-host';

/**
 * Query parameters that change the feed function's response (the feeds' lang/limit/cursor,
 * the reading page's lang/layout/pinyin/script): the cache key holds exactly these, taken
 * from the router so a new parameter cannot be served from another URL's cache entry.
 */
export const FEED_QUERY_PARAMS = QUERY_PARAMS;

/**
 * Sizing, one place. Lambda gives CPU in proportion to memory (1,769 MB = one vCPU).
 * - fetch is network- and pacing-bound (minDelayMs between requests to a host), so it gets
 *   little memory and a long timeout: one run may page through an index and a few dozen
 *   new articles at ~2 s per request.
 * - parse is CPU-bound (HTML → blocks → split → align) on pages of up to a few hundred KB;
 *   1 GB (≈0.6 vCPU) keeps a batch of 5 pages well under its timeout.
 * - feed does one Query and renders XML/JSON/HTML; 512 MB keeps render latency low on a
 *   cache miss, and 10 s is far below CloudFront's 30 s origin timeout.
 */
export const SIZING = {
  fetch: { memoryMiB: 256, timeout: Duration.minutes(5) },
  parse: { memoryMiB: 1024, timeout: Duration.seconds(30) },
  feed: { memoryMiB: 512, timeout: Duration.seconds(10) },
} as const satisfies Record<FunctionName, { memoryMiB: number; timeout: Duration }>;

/** Messages per parse invocation: small batches keep one slow page from delaying many. */
export const PARSE_BATCH_SIZE = 5;
/**
 * Receives before a message goes to the DLQ: rides out throttles, not a broken page. The
 * redrive policy and the parse function (DUOFEED_MAX_RECEIVES) both take it from here.
 */
export const PARSE_MAX_RECEIVES = 5;

export interface DuofeedStackProps extends StackProps {
  config: DuofeedConfig;
  /** Handler entries relative to PROJECT_ROOT; defaults to lambdas/<fn>/handler.ts. */
  entries?: Partial<Record<FunctionName, string>>;
}

export class DuofeedStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly table: dynamodb.Table;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly functions: Record<FunctionName, NodejsFunction>;
  readonly distribution: cloudfront.Distribution;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: DuofeedStackProps) {
    super(scope, id, props);
    const { config } = props;

    // ---- storage -------------------------------------------------------------------------
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // CloudFront standard logs are delivered with an ACL grant; S3 server access logs use
      // the bucket policy. OBJECT_WRITER is the least ownership mode that accepts both.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(accessLogs, 'AwsSolutions-S1', 'This is the access-log bucket itself; logging it into itself would loop.');

    this.bucket = new s3.Bucket(this, 'RawPages', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 's3/raw-pages/',
      lifecycleRules: [
        {
          id: 'raw-pages',
          prefix: 'raw/',
          // Raw pages are read once by parse and again only on a replay. S3 skips objects under
          // 128 KB by default (IA bills them as 128 KB anyway), so only the big pages move.
          transitions: [
            { storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(RAW_IA_AFTER_DAYS) },
          ],
          ...(config.rawExpiryDays !== undefined && { expiration: Duration.days(config.rawExpiryDays) }),
        },
        { id: 'abort-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // Raw pages are the only copy of what a source published; replays need them.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Keys, indexes and TTL as the store reads and writes them (lambdas/adapters/table-schema.ts).
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Articles', {
      partitionKey: key(TABLE.partitionKey),
      sortKey: key(TABLE.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TABLE.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: dynamodb.ProjectionType[index.projection],
      });
    }

    // ---- queue ---------------------------------------------------------------------------
    this.deadLetterQueue = new sqs.Queue(this, 'ParseDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to read the reasons (message attributes) and replay.
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      'AwsSolutions-SQS3',
      'This is the dead-letter queue of the parse queue; a DLQ of a DLQ would only move the same messages again.',
    );
    this.queue = new sqs.Queue(this, 'ParseQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's rule for SQS event sources: at least 6× the function timeout, so a message is
      // not handed to a second invocation while the first (with retries) still works on it.
      visibilityTimeout: Duration.seconds(SIZING.parse.timeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: PARSE_MAX_RECEIVES },
    });

    // ---- functions -----------------------------------------------------------------------
    const entries = { ...props.entries };
    const sourcesEnv = { DUOFEED_SOURCES: config.sourcesJson };
    // NodejsFunction ships the .map but does not tell Node to use it.
    const nodeOptions: Record<string, string> = RUNTIME_NODE_OPTIONS.length
      ? { NODE_OPTIONS: RUNTIME_NODE_OPTIONS.join(' ') }
      : {};
    const publicUrlEnv: Record<string, string> = config.domainName
      ? { DUOFEED_PUBLIC_URL: `https://${config.domainName}` }
      : {};
    const fn = (name: FunctionName, environment: Record<string, string>) =>
      this.makeFunction(name, entries[name] ?? entryFor(name), { ...environment, ...nodeOptions });

    const fetch = fn('fetch', {
      DUOFEED_TABLE: this.table.tableName,
      DUOFEED_BUCKET: this.bucket.bucketName,
      DUOFEED_QUEUE_URL: this.queue.queueUrl,
      ...sourcesEnv,
    });
    const parse = fn('parse', {
      DUOFEED_TABLE: this.table.tableName,
      DUOFEED_BUCKET: this.bucket.bucketName,
      // parse sends a page that failed for good to the DLQ itself, with the reason attached;
      // it must know the redrive's receive count to tell the last receive.
      DUOFEED_DLQ_URL: this.deadLetterQueue.queueUrl,
      DUOFEED_MAX_RECEIVES: String(PARSE_MAX_RECEIVES),
      ...sourcesEnv,
    });
    // The feed signs its paging cursors (HMAC) so a crafted cursor cannot steer its Query. The
    // key is generated at deploy time and handed to the function through its environment (a
    // CloudFormation dynamic reference, resolved at deploy): no runtime call, no SDK client.
    const cursorKey = new secretsmanager.Secret(this, 'CursorKey', {
      description: 'duofeed: key the feed function signs its paging cursors with',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(
      cursorKey,
      'AwsSolutions-SMG4',
      'The key only signs feed paging cursors; rotating it would only break the next links readers hold. ' +
        'To rotate, replace the secret value and redeploy.',
    );
    const feed = fn('feed', {
      DUOFEED_TABLE: this.table.tableName,
      DUOFEED_CURSOR_KEY: cursorKey.secretValue.unsafeUnwrap(),
      ...sourcesEnv,
      ...publicUrlEnv,
    });
    this.functions = { fetch, parse, feed };

    // Least privilege, from grant helpers only; raw pages are confined to the raw/ prefix.
    this.bucket.grantPut(fetch, 'raw/*');
    this.queue.grantSendMessages(fetch);
    this.table.grantReadWriteData(fetch);
    this.bucket.grantRead(parse, 'raw/*');
    this.table.grantReadWriteData(parse);
    this.deadLetterQueue.grantSendMessages(parse);
    this.table.grantReadData(feed);
    this.acknowledgeGrantWildcards();

    parse.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: PARSE_BATCH_SIZE,
        // One bad page fails alone; the rest of its batch is deleted as done.
        reportBatchItemFailures: true,
        // A burst after a big fetch should not fan out into dozens of concurrent parsers.
        maxConcurrency: 5,
      }),
    );

    // ---- schedules -----------------------------------------------------------------------
    // One schedule per source so each keeps its own cadence. Scheduler invokes fetch
    // asynchronously; with reserved concurrency 1 a second run waits in Lambda's async queue
    // (throttles are retried) instead of overlapping and double-pacing a host.
    for (const source of config.sources) {
      new scheduler.Schedule(this, `Fetch-${source.id}`, {
        description: `duofeed: fetch source ${source.id}`,
        schedule: scheduler.ScheduleExpression.expression(config.scheduleOverride ?? source.schedule),
        target: new targets.LambdaInvoke(fetch, {
          input: scheduler.ScheduleTargetInput.fromObject({ sourceId: source.id }),
          // Scheduler retries only a failed Invoke call (the run itself is async): a couple of
          // tries is plenty, and the next scheduled run catches up anyway.
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
        }),
      });
    }

    // ---- delivery ------------------------------------------------------------------------
    const functionUrl = feed.addFunctionUrl({
      // Public by design: the feeds are public, and CloudFront in front absorbs the traffic.
      authType: lambda.FunctionUrlAuthType.NONE,
    });
    const forwardHost = new cloudfront.Function(this, 'ForwardHost', {
      comment: 'duofeed: pass the viewer Host to the feed function as x-forwarded-host',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(FORWARD_HOST_FUNCTION),
    });
    const cachePolicy = new cloudfront.CachePolicy(this, 'FeedCache', {
      comment: 'duofeed feeds: keyed on path + the query parameters routes read; honours the origin Cache-Control',
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.allowList(...FEED_QUERY_PARAMS),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      // min 0 lets the origin say no-cache; the default applies only when it says nothing.
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(300),
      maxTtl: Duration.days(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const originRequest = new cloudfront.OriginRequestPolicy(this, 'FeedOriginRequest', {
      comment: 'duofeed feeds: forward the viewer host (set by ForwardHost) and nothing else',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(FORWARDED_HOST_HEADER),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.none(),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.none(),
    });
    const certificate = config.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn)
      : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: 'duofeed feeds',
      defaultBehavior: {
        origin: new origins.FunctionUrlOrigin(functionUrl),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
        compress: true,
        cachePolicy,
        originRequestPolicy: originRequest,
        functionAssociations: [{ function: forwardHost, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Readers of English/Chinese feeds are largely in Asia; class 200 includes Asian edges
      // and leaves out only the dearest (South America, Oceania).
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(certificate && config.domainName
        ? {
            certificate,
            domainNames: [config.domainName],
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Feeds are public reading for any country; there is no audience to geo-restrict.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'No WAF: the origin serves read-only cached GETs and a web ACL would cost more than the whole stack; ' +
        'Lambda concurrency limits bound a flood.',
    );
    if (!certificate) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'Without a custom domain the *.cloudfront.net default certificate is used, whose TLS policy CloudFront fixes; ' +
          'with domainName/certificateArn the distribution requires TLSv1.2_2021.',
      );
    }

    // ---- alarms --------------------------------------------------------------------------
    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: 'duofeed alarms', enforceSSL: true });
    acknowledge(
      this.alarmTopic,
      'AwsSolutions-SNS2',
      'Alarm notifications carry only alarm names and states; CloudWatch cannot publish to a topic encrypted with ' +
        'the AWS-managed SNS key, and a customer key would cost more than the rest of an idle stack.',
    );
    if (config.alarmEmail) this.alarmTopic.addSubscription(new subs.EmailSubscription(config.alarmEmail));
    const alarm = (id: string, description: string, metric: cloudwatch.IMetric) => {
      const a = new cloudwatch.Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(new cwActions.SnsAction(this.alarmTopic));
      a.addOkAction(new cwActions.SnsAction(this.alarmTopic));
      return a;
    };
    const fiveMinutes = { period: Duration.minutes(5) };
    alarm(
      'DeadLettersAlarm',
      'Pages that could not be parsed are in the DLQ, each with its reason in the duofeed.reason message attribute ' +
        '(their raw copy stays in S3 for a replay).',
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ ...fiveMinutes, statistic: 'Maximum' }),
    );
    alarm('FetchErrorsAlarm', 'A fetch run failed.', fetch.metricErrors({ ...fiveMinutes, statistic: 'Sum' }));
    alarm('ParseErrorsAlarm', 'A parse invocation failed as a whole.', parse.metricErrors({ ...fiveMinutes, statistic: 'Sum' }));
    alarm(
      'Feed5xxAlarm',
      'The feed function URL answered 5xx.',
      feed.metric('Url5xxCount', { ...fiveMinutes, statistic: 'Sum' }),
    );

    // ---- outputs -------------------------------------------------------------------------
    const feedBase = config.domainName
      ? `https://${config.domainName}`
      : `https://${this.distribution.distributionDomainName}`;
    new CfnOutput(this, 'FeedUrl', { value: `${feedBase}/`, description: 'Index of all feeds' });
    new CfnOutput(this, 'AllSourcesAtom', { value: `${feedBase}/feeds/all.atom` });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.distribution.distributionDomainName,
      description: 'Point the custom domain (CNAME/alias) here',
    });
    new CfnOutput(this, 'FunctionUrl', { value: functionUrl.url, description: 'Origin, uncached; for debugging' });
    new CfnOutput(this, 'RawBucketName', { value: this.bucket.bucketName });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'ParseQueueUrl', { value: this.queue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'DeadLetterQueueArn', {
      value: this.deadLetterQueue.queueArn,
      description: 'For a redrive: aws sqs start-message-move-task --source-arn <this>',
    });
    new CfnOutput(this, 'FetchFunctionName', { value: fetch.functionName, description: 'Invoke to fetch now' });
    new CfnOutput(this, 'AccessLogsBucketName', { value: accessLogs.bucketName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
  }

  /**
   * The grant helpers' wildcards, each named exactly (cdk-nag 3 acknowledges one finding at
   * a time, so a new wildcard still fails synth until someone writes down why it is needed).
   */
  private acknowledgeGrantWildcards(): void {
    const arn = (c: Construct) => `<${this.getLogicalId(c.node.defaultChild as CfnElement)}.Arn>`;
    const rawKeys = `AwsSolutions-IAM5[Resource::${arn(this.bucket)}/raw/*]`;
    const indexes = `AwsSolutions-IAM5[Resource::${arn(this.table)}/index/*]`;
    const rawKeysWhy =
      'Raw page keys are raw/<sourceId>/<articleId>/<sha256>.html, known only once a page is fetched; ' +
      'the grant is confined to the raw/ prefix of this one bucket.';
    const indexesWhy =
      'The table grant covers its own GSIs (bySource, byTime) that the feeds and fetch state are read through; ' +
      'index/* names only this table\'s indexes.';
    const { fetch, parse, feed } = this.functions;
    for (const f of [fetch, parse, feed]) acknowledge(f.role!, indexes, indexesWhy);
    for (const f of [fetch, parse]) acknowledge(f.role!, rawKeys, rawKeysWhy);
    acknowledge(
      fetch.role!,
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'grantPut includes s3:AbortMultipartUpload so the SDK can clean up an interrupted upload; only under raw/.',
    );
    const readWhy =
      'From grantRead, read-only on this one bucket: s3:GetObject* (the object and its attributes) under raw/, ' +
      'and bucket-level GetBucket*/List* (List lets a missing key answer 404 instead of 403, so a replay of a ' +
      'deleted page fails with a clear reason).';
    for (const id of ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*']) {
      acknowledge(parse.role!, `AwsSolutions-IAM5[${id}]`, readWhy);
    }
    // Scheduler's role is a singleton the LambdaInvoke target creates at stack level.
    acknowledge(
      this,
      `AwsSolutions-IAM5[Resource::${arn(fetch)}:*]`,
      'The Scheduler role may invoke the fetch function and its versions/aliases (the :* suffix), nothing else.',
    );
  }

  private makeFunction(name: FunctionName, entry: string, environment: Record<string, string>): NodejsFunction {
    checkEnvironmentSize(name, environment);
    const title = name[0]!.toUpperCase() + name.slice(1);
    const logGroup = new logs.LogGroup(this, `${title}Logs`, {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role instead of the default one: the default attaches the managed
    // AWSLambdaBasicExecutionRole (logs on every log group in the account); this one may
    // write only to its own log group.
    const role = new iam.Role(this, `${title}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `duofeed ${name} function`,
    });
    logGroup.grantWrite(role);
    const f = new NodejsFunction(this, `${title}Function`, {
      description: `duofeed ${name}`,
      entry: join(PROJECT_ROOT, entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: SIZING[name].memoryMiB,
      timeout: SIZING[name].timeout,
      bundling: cdkBundling(name),
      environment,
      role,
      logGroup,
      // Structured logs: console.* lines arrive as JSON with level and request id.
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      ...(name === 'fetch' && {
        // Runs never overlap: two concurrent runs would double the load on a source host
        // and race on the same "seen URL" writes.
        reservedConcurrentExecutions: 1,
        // A failed run is not retried: the next scheduled run redoes the same work.
        retryAttempts: 0,
        // A run that waited an hour behind others is stale; the next schedule supersedes it.
        maxEventAge: Duration.hours(1),
      }),
    });
    return f;
  }
}

/** CloudFront Functions (JS 2.0) source; kept tiny because it runs on every request. */
export const FORWARD_HOST_FUNCTION = `function handler(event) {
  var request = event.request;
  // The origin (the function URL) sees its own Host, not the reader's. Overwrite whatever the
  // viewer sent: this header is not in the cache key, so a forged value must never reach it.
  request.headers['${FORWARDED_HOST_HEADER}'] = { value: request.headers.host.value };
  return request;
}`;

function acknowledge(scope: Construct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** Fails synth (not deploy) when a function's environment exceeds Lambda's 4 KB. */
function checkEnvironmentSize(name: FunctionName, environment: Record<string, string>): void {
  // Tokens (table name, queue URL) resolve to at most ~200 characters each once deployed.
  const bytes = Object.entries(environment).reduce(
    (n, [k, v]) => n + Buffer.byteLength(k) + (v.includes('${Token[') ? 200 : Buffer.byteLength(v)),
    0,
  );
  if (bytes > LAMBDA_ENV_LIMIT_BYTES) {
    throw new ConfigError(
      `the ${name} function's environment would be about ${bytes} bytes, over Lambda's ${LAMBDA_ENV_LIMIT_BYTES}-byte limit; ` +
        `DUOFEED_SOURCES is ${Buffer.byteLength(environment.DUOFEED_SOURCES ?? '')} bytes — shorten the sources file ` +
        `or split it across stacks`,
    );
  }
}

