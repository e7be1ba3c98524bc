/** The cursor-signing key the tests hand the feed function (any 32+ characters will do). */
export const TEST_CURSOR_KEY = 'duofeed-test-cursor-key-0123456789abcdef';
