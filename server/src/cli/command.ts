// What a subcommand (check, and later export) provides to main.ts.
import type { OptionSpec } from './args';
import type { CliIo } from './io';

export interface Command {
  name: string;
  /** Usage after the program name, e.g. "check [paths...] [--format text|json|sarif]". */
  synopsis: string;
  /** One line for the command list. */
  summary: string;
  options: readonly OptionSpec[];
  /** Extra help text (exit codes, notes). */
  details?: string;
  /** Runs the command: an exit code, or 'help' to print the command's help. Throws UsageError or InputError for exit code 2. */
  run(argv: readonly string[], io: CliIo): Promise<number | 'help'>;
}
