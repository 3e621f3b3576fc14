// `triangulate check [paths...]`: analyse the articles and report conflicting figures.
import type { OptionSpec } from './args';
import { UsageError, parseOptions } from './args';
import type { Command } from './command';
import { analysePaths } from './analyse';
import { summarize } from './report';
import { formatText } from './text';
import { jsonReport } from './json';
import { jsonPieces } from './jsonPieces';
import { sarifLog } from './sarif';
import { toolInfo } from './io';
import type { CliIo } from './io';

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions {
  paths: string[];
  format: CheckFormat;
  quiet: boolean;
}

const options: OptionSpec[] = [
  { name: 'format', short: 'f', value: { placeholder: 'format', choices: CHECK_FORMATS, default: 'text' }, description: 'output format' },
  { name: 'quiet', short: 'q', description: 'print only the summary line (text format)' },
  { name: 'help', short: 'h', description: 'show this help' },
];

export const checkCommand: Command = {
  name: 'check',
  synopsis: 'check [paths...] [--format text|json|sarif] [--quiet]',
  summary: 'find figures and entities in .txt articles and report figures the sources disagree on',
  options,
  details: [
    'Paths default to the current folder; folders are searched recursively for .txt files',
    '(node_modules and folders starting with a dot are skipped).',
    '',
    'Exit status: 0 no conflicts, 1 conflicts found, 2 usage or I/O error.',
    'Unreadable, binary and non-UTF-8 files are reported (unreadable-file) and skipped.',
  ].join('\n'),
  async run(argv, io) {
    const parsed = parseOptions(argv, options);
    if (parsed.flags.has('help')) return 'help';
    const opts: CheckOptions = {
      paths: parsed.positionals.length ? parsed.positionals : ['.'],
      format: parsed.values.get('format') as CheckFormat,
      quiet: parsed.flags.has('quiet'),
    };
    if (opts.quiet && opts.format !== 'text') throw new UsageError(`--quiet applies to the text format only, not --format ${opts.format}`);
    return check(opts, io);
  },
};

async function check(opts: CheckOptions, io: CliIo): Promise<number> {
  const { report } = await analysePaths(opts.paths, io);
  switch (opts.format) {
    case 'text': io.stdout(formatText(report, { quiet: opts.quiet })); break;
    // (in pieces: a report of a very large article is longer than the longest string there can be)
    case 'json': for (const piece of jsonReport(report)) io.stdout(piece); break;
    case 'sarif': for (const piece of jsonPieces(sarifLog(report, toolInfo(), io.cwd))) io.stdout(piece); break;
  }
  return summarize(report).conflicts > 0 ? 1 : 0;
}
