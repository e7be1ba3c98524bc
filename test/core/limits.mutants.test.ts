/**
 * The page-size limit's one line (lambdas/core/limits.ts), checked in the unit set: until now
 * only the CLI's integration tests read it, so mutants of its wording survived.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES, tooLargeMessage } from '../../lambdas/core/limits.js';

describe('tooLargeMessage', () => {
  it('names the input, its size in bytes and MiB, and the limit', () => {
    expect(MAX_PAGE_BYTES).toBe(5 * 1024 * 1024);
    expect(tooLargeMessage('page.html', 6 * 1024 * 1024)).toBe(
      'page.html: too large to parse: 6291456 bytes (6.0 MiB), over the limit of 5242880 bytes (5.0 MiB)',
    );
  });
  it('says "more than" when the size is not known (standard input, a body cut off)', () => {
    expect(tooLargeMessage('standard input', undefined)).toBe('standard input: too large to parse: more than the limit of 5242880 bytes (5.0 MiB)');
  });
  it('takes another limit, and rounds MiB to one decimal', () => {
    expect(tooLargeMessage('x', 3.5 * 1024 * 1024 + 1, 1024 * 1024)).toBe('x: too large to parse: 3670017 bytes (3.5 MiB), over the limit of 1048576 bytes (1.0 MiB)');
  });
});
