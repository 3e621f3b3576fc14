// Command-line parsing, shared by every subcommand. A command declares its
// options; `parseOptions` turns argv into positionals and option values, or
// throws a UsageError whose message is the one-line reason printed on stderr.

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface OptionSpec {
  /** Long name without dashes: 'format' for --format. */
  name: string;
  /** One-letter alias without the dash: 'f' for -f. */
  short?: string;
  /** Present when the option takes a value (--format json, --format=json). */
  value?: { placeholder: string; choices?: readonly string[]; default?: string };
  description: string;
}

export interface ParsedOptions {
  positionals: string[];
  /** Values of options that take one (defaults filled in). */
  values: Map<string, string>;
  /** Boolean options that were given. */
  flags: Set<string>;
}

/** Parse the arguments after the command name. `--` ends the options. */
export function parseOptions(argv: readonly string[], specs: readonly OptionSpec[]): ParsedOptions {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const byLong = new Map(specs.map(s => [s.name, s]));
  const byShort = new Map(specs.filter(s => s.short).map(s => [s.short!, s]));

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (arg === '-' || !arg.startsWith('-')) { positionals.push(arg); continue; }

    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (eq >= 0) inline = arg.slice(eq + 1);
      spec = byLong.get(name);
    } else if (arg.length === 2) {
      spec = byShort.get(arg[1]!);
    }
    if (!spec) throw new UsageError(`unknown option: ${arg}`);

    const shown = `--${spec.name}`;
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`option ${shown} takes no value`);
      flags.add(spec.name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`option ${shown} needs a value (${describeChoices(spec)})`);
      value = next;
      i++;
    }
    if (spec.value.choices && !spec.value.choices.includes(value)) {
      throw new UsageError(`invalid value for ${shown}: '${value}' (expected ${describeChoices(spec)})`);
    }
    values.set(spec.name, value);
  }

  for (const spec of specs) if (spec.value?.default !== undefined && !values.has(spec.name)) values.set(spec.name, spec.value.default);
  return { positionals, values, flags };
}

function describeChoices(spec: OptionSpec): string {
  return spec.value?.choices ? spec.value.choices.join('|') : spec.value?.placeholder ?? 'a value';
}

/** The options block of a command's help text. */
export function describeOptions(specs: readonly OptionSpec[]): string {
  const rows = specs.map(s => {
    const names = (s.short ? `-${s.short}, ` : '    ') + `--${s.name}` + (s.value ? ` <${s.value.choices ? s.value.choices.join('|') : s.value.placeholder}>` : '');
    const def = s.value?.default !== undefined ? ` (default: ${s.value.default})` : '';
    return { names, text: s.description + def };
  });
  const width = Math.max(...rows.map(r => r.names.length));
  return rows.map(r => `  ${r.names.padEnd(width)}  ${r.text}`).join('\n');
}
