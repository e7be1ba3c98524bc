/**
 * Builds the app the CLI synthesizes: configuration from context, the stack, cdk-nag's
 * AwsSolutions checks. lib/app.ts and the tests both call this, so tests check what deploys.
 */
import { App, Tags, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig } from './config.js';
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
  const region = process.env.CDK_DEFAULT_REGION;
  const stack = new DuofeedStack(app, STACK_NAME, {
    description: 'duofeed: aligned English/Chinese bilingual news feeds',
    // Env-agnostic unless the CLI knows the target account: synth needs no credentials.
    ...(account && region ? { env: { account, region } } : {}),
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
