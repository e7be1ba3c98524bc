/**
 * Where the stack can deploy. The feed is a Lambda function URL behind CloudFront, so a
 * region needs both: per the Lambda developer guide (lambda-urls, checked 2026-12), function
 * URLs do not exist in ap-south-2, ap-southeast-4, ap-southeast-5, ap-southeast-6,
 * ap-southeast-7, ap-east-2, ca-west-1, eu-south-2, eu-central-2, il-central-1 and
 * me-central-1; CloudFront is not part of the AWS GovCloud (US) partition, and the China
 * regions' CloudFront (a separate partition) serves only ICP-filed custom domains, with
 * neither the *.cloudfront.net name the stack prints nor CloudFront Functions. Everything
 * else the stack uses (EventBridge Scheduler, DynamoDB, SQS, S3, SNS, Secrets Manager) is
 * in every region listed here.
 *
 * An allow-list, not a deny-list: a region that opens later is refused until someone checks
 * it (mx-central-1 is left out for that reason: cfn-lint, which would cross-check, cannot be
 * installed here).
 */
import { ConfigError } from '../lambdas/core/errors.js';

export const SUPPORTED_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
  'ap-south-1', 'ap-east-1', 'me-south-1', 'af-south-1',
] as const;

/** Regions known to lack Lambda function URLs (the feed's origin). */
const NO_FUNCTION_URLS = new Set([
  'ap-south-2', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ap-east-2',
  'ca-west-1', 'eu-south-2', 'eu-central-2', 'il-central-1', 'me-central-1',
]);

function whyNot(region: string): string {
  if (NO_FUNCTION_URLS.has(region)) return 'Lambda function URLs, the feed\'s origin, are not available there';
  if (region.startsWith('us-gov-')) return 'CloudFront, the feed\'s front, is not part of the AWS GovCloud (US) partition';
  if (region.startsWith('cn-')) return 'CloudFront in the China regions serves only ICP-filed custom domains and has no CloudFront Functions';
  if (/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) return 'not checked for Lambda function URLs and CloudFront';
  return 'not an AWS region name';
}

/** Throws a one-line ConfigError for a region the stack cannot deploy to; undefined (env-agnostic synth) passes. */
export function checkRegion(region: string | undefined, from: string): void {
  if (region === undefined || (SUPPORTED_REGIONS as readonly string[]).includes(region)) return;
  throw new ConfigError(`${from}: region "${region}" is not supported (${whyNot(region)}); duofeed deploys to ${SUPPORTED_REGIONS.join(', ')}`);
}
