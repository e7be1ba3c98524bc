/** The commands' flags through util.parseArgs: the same flags, the same sentences for mistakes. */
import { describe, expect, it } from 'vitest';
import { readArgs } from '../../lambdas/cli/args.js';

const FLAGS = {
  pretty: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  data: { type: 'string', default: '.duofeed' },
} as const;

describe('readArgs', () => {
  it('reads booleans, short flags, values (both spellings) and positionals; the last value wins', () => {
    expect(readArgs(['a.html', '--pretty', '-q', '--data', 'x', '--data=y', '-'], FLAGS, { positionals: true })).toEqual({
      help: false,
      values: { pretty: true, quiet: true, data: 'y' },
      positionals: ['a.html', '-'],
    });
    expect(readArgs([], FLAGS, { positionals: false })).toEqual({ help: false, values: { data: '.duofeed' }, positionals: [] });
  });

  it.each([['--help'], ['-h'], ['--bogus', '--help'], ['--data', '-h']])('%j asks for help, whatever else is there', (...argv) => {
    expect(readArgs(argv, FLAGS, { positionals: false })).toEqual({ help: true });
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['--bogus=1'], 'unknown option --bogus=1'],
    [['-x'], 'unknown option -x'],
    [['--data'], '--data needs a value'],
    [['--data', '--pretty'], '--data needs a value'],
    [['--pretty=yes'], '--pretty takes no value'],
    [['stray'], 'unknown option stray'],
  ])('%j → %s', (argv, error) => {
    expect(readArgs(argv, FLAGS, { positionals: false })).toEqual({ help: false, error });
  });
});
