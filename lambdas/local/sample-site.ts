/**
 * The sample site's identity in the local run, apart from where it happens to be served.
 */
import type { PageFetcher } from '../core/ports.js';

/**
 * The address the pipeline knows the sample site by: `{{base}}` in a sources file becomes
 * this, and requests to it are routed to wherever the samples are served in this run (by
 * default on exactly this address: `npm start` serves them on port 8081). Sample URLs and the
 * article ids made from them are therefore the same on every run, whatever port the samples
 * were served on — a reader subscribed before `--fresh` sees no duplicates.
 */
export const SAMPLE_SITE = 'http://127.0.0.1:8081';

/**
 * The fetcher the local fetch handler gets: requests for the sample site's name go to where
 * the samples are served in this run, and what comes back (the page's final URL) is named by
 * the site again. Every other URL passes through untouched.
 */
export function routeSampleSite(fetch: PageFetcher, site: string, servedAt: string): PageFetcher {
  const rebase = (url: string, from: string, to: string) => (url === from || url.startsWith(`${from}/`) ? to + url.slice(from.length) : url);
  if (site === servedAt) return fetch;
  return async (url, request) => {
    const page = await fetch(rebase(url, site, servedAt), request);
    return { ...page, url: rebase(page.url, servedAt, site) };
  };
}
