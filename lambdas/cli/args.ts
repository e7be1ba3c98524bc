/**
 * Command-line flags, read by Node's util.parseArgs for every subcommand. What this adds:
 * `--help`/`-h` anywhere wins (as before, even beside a bad flag), and parseArgs's errors
 * become the short sentences the commands have always printed (`unknown option --x`,
 * `--data needs a value`), which the command prints above its usage with exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** The help request, or the parsed flags, or a usage error (a sentence). */
export type ArgsOutcome<O extends Options> = { help: true } | { help: false; values: Parsed<O>['values']; positionals: string[] } | { help: false; error: string };

export function readArgs<O extends Options>(argv: string[], options: O, opts: { positionals: boolean }): ArgsOutcome<O> {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (!opts.positionals && positionals.length > 0) return { help: false, error: `unknown option ${positionals[0]}` };
    return { help: false, values, positionals };
  } catch (err) {
    return { help: false, error: usageError(err, argv) };
  }
}

/** parseArgs's error, said the way the commands say it. */
function usageError(err: unknown, argv: string[]): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  // parseArgs quotes the option it means: "Unknown option '--x'", "Option '--data <value>' argument missing".
  const quoted = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${argv.find((a) => quoted !== undefined && (a === quoted || a.startsWith(`${quoted}=`))) ?? quoted ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    return /does not take an argument/.test(message) ? `${quoted} takes no value` : `${quoted} needs a value`;
  }
  return message;
}
