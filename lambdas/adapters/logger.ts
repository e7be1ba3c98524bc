/**
 * The one structured logger: a JSON object per line, `{time?, level, msg, ...base, ...fields}`.
 * In Lambda the lines go to stdout, which the runtime ships to CloudWatch Logs (Logs Insights
 * reads the fields; the runtime stamps each line with its time and request id). The local run
 * and `duofeed reprocess` append the same lines to the data folder's log, with a `time`.
 *
 * Why not Powertools Logger: see the README ("Logging"). In short, measured on these bundles,
 * it costs more cold start than it gives a function that logs a few lines per invocation.
 */
import type { Clock, Logger } from '../core/ports.js';

export interface JsonLoggerOptions {
  /** Where each line goes (default: stdout). */
  write?: (line: string) => void;
  /** Fields every line carries. */
  base?: Record<string, unknown>;
  /** Stamps each line with `time` (files need it; CloudWatch stamps lines itself). */
  clock?: Clock;
}

const stdout = (line: string) => void process.stdout.write(line + '\n');

export function jsonLogger(opts: JsonLoggerOptions = {}): Logger {
  const { write = stdout, base = {}, clock } = opts;
  const emit = (level: string) => (msg: string, fields: Record<string, unknown> = {}) =>
    write(JSON.stringify(clock ? { time: clock.now().toISOString(), level, msg, ...base, ...fields } : { level, msg, ...base, ...fields }));
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}
