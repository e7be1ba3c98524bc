/**
 * Errors shared across the layers. The CDK app (lib/) and the Lambdas both throw ConfigError,
 * so one class lives here, in the pure core that both may import.
 */

/**
 * A setting is missing or wrong: a Lambda environment variable, a CDK context key, a sources
 * file. The message names the setting and the reason; the edge that catches it prints the
 * message alone (no stack trace: the fix is the operator's, not the code's).
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
