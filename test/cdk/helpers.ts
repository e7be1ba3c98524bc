/**
 * Synthesizes the real app (lib/duofeed-app.ts) with cdk.json's context defaults plus
 * overrides, the way `npx cdk synth -c key=value` would, into a throw-away directory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createDuofeedApp, type DuofeedApp } from '../../lib/duofeed-app.js';
import { PROJECT_ROOT } from '../../lib/duofeed-stack.js';

export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return cdkJson.context;
}

export interface Synthesized extends DuofeedApp {
  template: Template;
  outdir: string;
  cleanup(): void;
}

/**
 * `bundle: false` skips esbuild (CDK's own switch for `cdk synth --exclusively`), for tests
 * that only look at configuration-dependent resources.
 */
export function synth(context: Record<string, unknown> = {}, { bundle = true } = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'duofeed-cdk-'));
  const built = createDuofeedApp({
    outdir,
    context: { ...cdkJsonContext(), ...context, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  // app.synth() runs the nag plugin and throws ValidationFailed on any unacknowledged finding.
  built.app.synth();
  return {
    ...built,
    template: Template.fromStack(built.stack),
    outdir,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

type Json = Record<string, unknown>;

/** Every IAM policy statement in the template, with the logical id of its policy. */
export function policyStatements(template: Template): { policy: string; statement: Json }[] {
  const out: { policy: string; statement: Json }[] = [];
  for (const [policy, resource] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
    const doc = (resource as { Properties: { PolicyDocument: { Statement: Json[] } } }).Properties.PolicyDocument;
    for (const statement of doc.Statement) out.push({ policy, statement });
  }
  return out;
}

export function asArray<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The logical id of the only resource of `type` whose logical id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, found ${ids.join(', ') || 'none'}`);
  return ids[0]!;
}
