/** Shared fixtures of the feed's unit tests. */
import type { Source } from '../../../lambdas/core/sources.js';

/** A feed source with the defaults these tests share (RSS, https://ID.example/, both languages, hourly); `over` sets what a test looks at. */
export function feedSource(id: string, name: string, over: Partial<Source> = {}): Source {
  return { id, name, kind: 'rss', startUrls: [`https://${id}.example/`], linkPattern: '/', languages: ['en', 'zh'], schedule: 'rate(1 hour)', minDelayMs: 0, ...over };
}
