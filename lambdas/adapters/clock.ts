/**
 * The system clock: the one implementation of the Clock port that reads the time of day.
 * Handlers and the local run pass it in; tests pass a fixed or stepping clock instead.
 */
import type { Clock } from '../core/ports.js';

export const systemClock: Clock = Object.freeze({ now: () => new Date() });
