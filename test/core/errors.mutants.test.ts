/**
 * The typed errors name themselves: a log line or a CLI message shows `error.name`, and an
 * edge that catches a StoreError tells the kinds apart by class (found by mutation testing:
 * nothing read the names).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lambdas/core/errors.js';
import { ConcurrentUpdateError, InvalidCursorError, ItemTooLargeError, NotFoundError, StoreError } from '../../lambdas/core/ports.js';

describe('typed errors', () => {
  it.each([
    [ConfigError, 'ConfigError', Error],
    [StoreError, 'StoreError', Error],
    [NotFoundError, 'NotFoundError', StoreError],
    [ItemTooLargeError, 'ItemTooLargeError', StoreError],
    [ConcurrentUpdateError, 'ConcurrentUpdateError', StoreError],
    [InvalidCursorError, 'InvalidCursorError', StoreError],
  ] as const)('%o is named %s and is a %o', (Class, name, Parent) => {
    const e = new Class('why');
    expect(e.name).toBe(name);
    expect(e.message).toBe('why');
    expect(e).toBeInstanceOf(Parent);
    expect(String(e)).toBe(`${name}: why`);
  });
});
