/**
 * A source is data (STYLE.md §4): adding a site means adding a record, not editing the
 * pipeline. OWNER of the validator: fetch work (issue 3). The types are the contract.
 */
export type SourceKind = 'rss' | 'atom' | 'html-index';

export interface Source {
  /** [a-z0-9-]+, unique; appears in URLs (/feeds/<id>.atom) and S3 keys. */
  id: string;
  name: string;
  kind: SourceKind;
  startUrls: string[];
  /** Regular expression (source text) an absolute article URL must match. */
  linkPattern: string;
  languages: string[];
  /** EventBridge schedule expression, e.g. "rate(1 hour)". */
  schedule: string;
  /** Minimum delay between two requests to the same host, in ms. */
  minDelayMs: number;
  /** Only for local sample sources on loopback; the SSRF guard refuses private addresses otherwise. */
  allowPrivateNetwork?: boolean;
  /** Optional site home page, shown on the index page. */
  homepage?: string;
}
