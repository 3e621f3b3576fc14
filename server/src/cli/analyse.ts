// The pipeline every subcommand shares: find the articles under the given paths,
// read them and the annotation file that applies to them (triangulate.yaml), run the
// engine over them, and build the report. `check` formats the report; `export` writes
// the same result as W3C Web Annotations, brat standoff or CSV.
import { Corpus } from '../core/corpus';
import type { CorpusResult } from '../core/types';
import { UsageError } from './args';
import { findArticles, readArticle } from './files';
import type { Article } from './files';
import { loadAnnotationFiles } from './annotations';
import type { LoadedAnnotations } from './annotations';
import { buildReport } from './report';
import type { Report } from './report';
import type { CliIo } from './io';

export interface Analysis {
  articles: Article[];
  result: CorpusResult;
  report: Report;
  /** The annotation files that applied, and their annotations resolved to the articles. */
  annotations: LoadedAnnotations;
}

export async function analysePaths(paths: readonly string[], io: CliIo): Promise<Analysis> {
  const warn = (message: string) => io.stderr(`triangulate: ${message}\n`);
  const found = await findArticles(paths, io.cwd, warn);
  if (!found.length) throw new UsageError(`no .txt files found in ${paths.join(', ')}`);

  const articles: Article[] = [];
  for (const f of found) {
    const article = await readArticle(f);
    if (!article.ok) warn(`skipped ${article.file}: ${article.reason}`);
    articles.push(article);
  }

  // Document ids are the paths as shown, so the engine's messages and spans speak the user's paths.
  const annotations = await loadAnnotationFiles(articles, warn, io.cwd);
  // analysed once and reported: what only edits need is let go (see CorpusOptions.once)
  const corpus = new Corpus(annotations.rules ? { annotations: annotations.rules, once: true } : { once: true });
  for (const a of articles) if (a.ok) corpus.set(a.file, a.text);
  const result = corpus.result();
  return { articles, result, report: buildReport(articles, result), annotations };
}
