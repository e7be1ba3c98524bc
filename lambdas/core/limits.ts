/**
 * The largest page duofeed takes in, in bytes (5 MiB). The fetcher (lambdas/fetch, through
 * the HTTP adapter's default) stops a body past it, and `duofeed parse` refuses a file,
 * standard input or URL past it, with one line naming the limit and the size. The parser's
 * memory is linear in the page (issue 10): a page this size parses in under 256 MB peak RSS
 * in the CLI, well inside the parse Lambda's 1 GB.
 */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

/** The one line saying an input is over MAX_PAGE_BYTES (what, its size when known, the limit). */
export function tooLargeMessage(what: string, size: number | undefined, limit: number = MAX_PAGE_BYTES): string {
  const mib = (b: number) => `${(b / (1024 * 1024)).toFixed(1)} MiB`;
  return `${what}: too large to parse: ${size === undefined ? 'more than' : `${size} bytes (${mib(size)}), over`} the limit of ${limit} bytes (${mib(limit)})`;
}
