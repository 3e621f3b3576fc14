// Entry point of the `triangulate` command (bin/triangulate.js calls `main`).
// Picks the subcommand, prints help, and turns usage and I/O errors into exit code 2
// with a one-line reason on stderr. Each subcommand lives in its own module.
import { UsageError, describeOptions } from './args';
import type { Command } from './command';
import { InputError } from './files';
import type { CliIo } from './io';
import { processIo, toolInfo } from './io';
import { checkCommand } from './check';
import { exportCommand } from './export';

/** Subcommands, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [checkCommand, exportCommand];

export const EXIT = { ok: 0, conflicts: 1, usage: 2 } as const;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined) throw new UsageError(`no command given (try 'triangulate check' or 'triangulate --help')`);
    if (first === '--help' || first === '-h' || first === 'help') {
      const command = first === 'help' && rest[0] ? findCommand(rest[0]) : undefined;
      io.stdout(command ? commandHelp(command) : programHelp());
      return EXIT.ok;
    }
    if (first === '--version' || first === '-V') {
      io.stdout(`${toolInfo().version}\n`);
      return EXIT.ok;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option: ${first} (a command comes first, e.g. 'triangulate check ${first}')`);
    const command = findCommand(first);
    const code = await command.run(rest, io);
    if (code === 'help') { io.stdout(commandHelp(command)); return EXIT.ok; }
    return code;
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.stderr(`triangulate: ${err.message}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`triangulate: internal error: ${message.split('\n')[0]}\n`);
    if (process.env['TRIANGULATE_DEBUG'] && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return EXIT.usage;
  }
}

function findCommand(name: string): Command {
  const command = COMMANDS.find(c => c.name === name);
  if (!command) throw new UsageError(`unknown command: ${name} (commands: ${COMMANDS.map(c => c.name).join(', ')})`);
  return command;
}

export function programHelp(): string {
  const width = Math.max(...COMMANDS.map(c => c.name.length));
  return [
    'Usage: triangulate <command> [options]',
    '',
    'Cross-check the figures in a folder of news articles.',
    '',
    'Commands:',
    ...COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (or: triangulate <command> --help)',
    '  -V, --version  print the version',
    '',
    ...COMMANDS.flatMap(c => [commandHelp(c)]),
  ].join('\n');
}

export function commandHelp(command: Command): string {
  return [
    `Usage: triangulate ${command.synopsis}`,
    '',
    `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
    '',
    'Options:',
    describeOptions(command.options),
    ...(command.details ? ['', command.details] : []),
  ].join('\n') + '\n';
}
