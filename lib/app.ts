/**
 * CDK entry (`npx cdk synth`, `npx cdk deploy`). Configuration comes from context
 * (cdk.json defaults, `-c key=value` overrides); lib/config.ts lists and checks the keys.
 */
import { ConfigError } from './config.js';
import { createDuofeedApp } from './duofeed-app.js';

try {
  createDuofeedApp().app.synth();
} catch (error) {
  // A configuration mistake is the user's to fix: one line naming the setting, no stack trace.
  if (error instanceof ConfigError) {
    console.error(`duofeed: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
