/**
 * Builds the app the CLI synthesizes: configuration from context, the stack, cdk-nag's
 * AwsSolutions checks. lib/app.ts and the tests both call this, so tests check what deploys.
 */
import { App, Tags, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, loadConfig } from './config.js';
import { checkRegion } from './regions.js';
import { DuofeedStack, type DuofeedStackProps } from './duofeed-stack.js';

export const STACK_NAME = 'Duofeed';

export interface DuofeedApp {
  app: App;
  stack: DuofeedStack;
  nag: AwsSolutionsChecks;
}

/** Throws ConfigError (before any construct exists) when the context is invalid. */
export function createDuofeedApp(
  appProps: AppProps = {},
  stackProps: Omit<DuofeedStackProps, 'config'> = {},
): DuofeedApp {
  const app = new App(appProps);
  const config = loadConfig((key) => app.node.tryGetContext(key));
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  // The target region: `-c region=…` pins it; else the CLI's (from AWS_REGION or the profile).
  const fromContext = app.node.tryGetContext('region') as unknown;
  if (fromContext !== undefined && fromContext !== '' && typeof fromContext !== 'string') throw new ConfigError(`context "region": expected a region name, got ${JSON.stringify(fromContext)}`);
  const region = (fromContext as string | undefined) || process.env.CDK_DEFAULT_REGION || undefined;
  checkRegion(region, fromContext ? 'context "region"' : 'the target region (CDK_DEFAULT_REGION, from AWS_REGION or the AWS profile)');
  const stack = new DuofeedStack(app, STACK_NAME, {
    description: 'duofeed: aligned English/Chinese bilingual news feeds',
    // Env-agnostic unless the CLI knows the target account (synth needs no credentials); a
    // region pinned by context is kept either way.
    ...(account && region ? { env: { account, region } } : fromContext ? { env: { region } } : {}),
    ...stackProps,
    config,
  });
  // One tag on everything, so Cost Explorer can show what duofeed costs (activate it as a
  // cost allocation tag once in the Billing console).
  Tags.of(stack).add('project', 'duofeed');
  const nag = new AwsSolutionsChecks(app);
  // Any unacknowledged finding (warning or error) fails synth.
  Validations.of(app).addPlugins(nag);
  return { app, stack, nag };
}
