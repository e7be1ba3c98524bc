/** A structured logger for tests: every line kept, in order, as the object it was logged as. */
import type { Logger } from '../../lambdas/core/ports.js';

export function memoryLog(): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const emit = (level: string) => (msg: string, fields: Record<string, unknown> = {}) => void lines.push({ level, msg, ...fields });
  return { lines, info: emit('info'), warn: emit('warn'), error: emit('error') };
}
