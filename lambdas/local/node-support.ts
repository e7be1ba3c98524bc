/**
 * Which Node.js runs where, and the one place the AWS SDK's Node-version notice is handled.
 *
 * The Lambdas run on Node.js 24 (lib/bundling.ts NODE_MAJOR). Locally — `duofeed start`,
 * `duofeed reprocess`, the tests and the benchmarks — Node.js 20 or newer is supported, and
 * this project is tested on 20. On Node 20 the AWS SDK prints a multi-line notice that its
 * support for Node 20 ends in January 2027, once per client. Locally the SDK only talks to
 * the in-process stand-ins on loopback, and the deployed functions never run Node 20, so the
 * notice says nothing actionable there: every local entry point (the CLI's main, the
 * benchmarks, the vitest config) turns it off through this one module, the same way.
 */
export const SDK_NODE_NOTICE_OFF = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } as const;

/** Turns the SDK's Node-version notice off in `env`, unless the user set the variable. */
export function quietSdkNodeNotice(env: NodeJS.ProcessEnv = process.env): void {
  for (const [k, v] of Object.entries(SDK_NODE_NOTICE_OFF)) env[k] ??= v;
}
