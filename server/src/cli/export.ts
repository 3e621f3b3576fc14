// `triangulate export [paths...] --format w3c|brat|csv [--out DIR]`: the engine's figures and
// entities and the annotation file's tags, for other tools. w3c (JSON-LD) and csv go to stdout,
// or to DIR/annotations.jsonld / DIR/annotations.csv; brat needs --out and writes `<article>.txt`
// and `<article>.ann` under DIR (the articles' folders kept), with an annotation.conf.
// No article file is ever written: an --out that would overwrite one is refused.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OptionSpec } from './args';
import { UsageError, parseOptions } from './args';
import type { Command } from './command';
import { analysePaths } from './analyse';
import { InputError } from './files';
import type { Article } from './files';
import { toolInfo } from './io';
import type { CliIo } from './io';
import { exportItems } from './exportItems';
import { formatW3c } from './exportW3c';
import { formatCsv } from './exportCsv';
import { ANNOTATION_CONF, formatBrat } from './exportBrat';

export const EXPORT_FORMATS = ['w3c', 'brat', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const options: OptionSpec[] = [
  { name: 'format', short: 'f', value: { placeholder: 'format', choices: EXPORT_FORMATS }, description: 'output format (required)' },
  { name: 'out', short: 'o', value: { placeholder: 'dir' }, description: 'write into this folder (required for brat; w3c and csv go to stdout without it)' },
  { name: 'help', short: 'h', description: 'show this help' },
];

export const exportCommand: Command = {
  name: 'export',
  synopsis: 'export [paths...] --format w3c|brat|csv [--out DIR]',
  summary: 'write the figures, entities and annotation-file tags as W3C Web Annotations, brat standoff or CSV',
  options,
  details: [
    'Paths default to the current folder, as for check; the nearest triangulate.yaml applies.',
    'w3c: one AnnotationCollection (JSON-LD); each target has a TextQuoteSelector and a TextPositionSelector.',
    'brat: <article>.txt and <article>.ann per article under --out, and annotation.conf.',
    'csv: id,file,start,end,text,layer,type,value,claim,note; one row per span.',
    'Offsets count Unicode code points of the text (a BOM excluded), end exclusive.',
    '',
    'Exit status: 0 written, 2 usage or I/O error.',
  ].join('\n'),
  async run(argv, io) {
    const parsed = parseOptions(argv, options);
    if (parsed.flags.has('help')) return 'help';
    const format = parsed.values.get('format') as ExportFormat | undefined;
    if (!format) throw new UsageError(`export needs --format (${EXPORT_FORMATS.join('|')})`);
    const out = parsed.values.get('out');
    if (format === 'brat' && out === undefined) throw new UsageError('--format brat writes one .ann file per article: give the folder with --out DIR');
    return exportPaths({ paths: parsed.positionals.length ? parsed.positionals : ['.'], format, out }, io);
  },
};

export interface ExportOptions {
  paths: string[];
  format: ExportFormat;
  out: string | undefined;
}

async function exportPaths(opts: ExportOptions, io: CliIo): Promise<number> {
  const analysis = await analysePaths(opts.paths, io);
  const ok = analysis.articles.filter((a): a is Extract<Article, { ok: true }> => a.ok);
  const items = exportItems({ articles: analysis.articles, result: analysis.result, annotations: analysis.annotations.resolved });
  const texts = new Map(ok.map(a => [a.file, a.text] as const));
  const outDir = opts.out === undefined ? undefined : path.resolve(io.cwd, opts.out);

  if (opts.format === 'brat') {
    const anns = formatBrat(items, texts);
    const base = commonFolder(ok.map(a => path.dirname(a.abs)));
    const writes: { file: string; text: string }[] = [{ file: path.join(outDir!, 'annotation.conf'), text: ANNOTATION_CONF }];
    for (const a of ok) {
      const rel = path.relative(base, a.abs);
      const stem = rel.slice(0, rel.length - path.extname(rel).length);
      writes.push({ file: path.join(outDir!, stem + '.txt'), text: a.text }, { file: path.join(outDir!, stem + '.ann'), text: anns.get(a.file) ?? '' });
    }
    await writeAll(writes, analysis.articles);
    io.stderr(`triangulate: wrote ${ok.length} article(s) as brat standoff (.txt + .ann) to ${opts.out}\n`);
    return 0;
  }
  const text = opts.format === 'w3c'
    ? formatW3c({ items, texts, paths: new Map(ok.map(a => [a.file, a.abs] as const)), generator: toolInfo() })
    : formatCsv(items, texts);
  if (outDir === undefined) { io.stdout(text); return 0; }
  const file = path.join(outDir, opts.format === 'w3c' ? 'annotations.jsonld' : 'annotations.csv');
  await writeAll([{ file, text }], analysis.articles);
  io.stderr(`triangulate: wrote ${items.length} annotation(s) to ${path.join(opts.out!, path.basename(file))}\n`);
  return 0;
}

function commonFolder(folders: readonly string[]): string {
  if (!folders.length) return '.';
  let base = folders[0]!;
  for (const f of folders.slice(1)) {
    while (base !== path.dirname(base) && path.relative(base, f).startsWith('..')) base = path.dirname(base);
  }
  return base;
}

/** Writes the files, after checking that none of them is an input article (or the annotation file). */
async function writeAll(writes: readonly { file: string; text: string }[], articles: readonly Article[]): Promise<void> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  const inputs = new Set(await Promise.all(articles.map(a => real(a.abs))));
  for (const w of writes) {
    if (path.basename(w.file) === 'triangulate.yaml' || inputs.has(await real(w.file))) {
      throw new UsageError(`--out would overwrite ${w.file}, an input file; choose another folder`);
    }
  }
  for (const w of writes) {
    try {
      await fs.mkdir(path.dirname(w.file), { recursive: true });
      await fs.writeFile(w.file, w.text);
    } catch (e) {
      throw new InputError(`cannot write ${w.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
}
