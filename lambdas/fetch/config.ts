/**
 * Reading the sources list at the edge (Lambda env, CLI files): JSON errors and field
 * errors become one SourcesConfigError that names where the list came from.
 */
import { ConfigError } from '../core/errors.js';
import { parseSources, type Source } from '../core/sources.js';

/** A ConfigError that lists every problem of one sources list and says where it came from. */
export class SourcesConfigError extends ConfigError {
  override name = 'SourcesConfigError';
  constructor(
    readonly origin: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(`invalid sources in ${origin}:\n  ${problems.join('\n  ')}`, options);
  }
}

/** Parses and validates a sources JSON text; throws SourcesConfigError naming `origin`. */
export function loadSources(text: string, origin: string): Source[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SourcesConfigError(origin, [`not valid JSON (${(cause as Error).message})`], { cause });
  }
  const parsed = parseSources(json);
  if (!parsed.ok) throw new SourcesConfigError(origin, parsed.errors);
  return parsed.sources;
}

/** Replaces `{{base}}` in every URL of a sample sources file with the local server's base URL. */
export function withBaseUrl(text: string, base: string): string {
  return text.replaceAll('{{base}}', base.replace(/\/$/, ''));
}
