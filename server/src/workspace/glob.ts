// Glob patterns for `triangulate.include` / `triangulate.exclude`, matched
// against paths relative to a workspace folder, with `/` separators.
// Supported: `**` (any number of folders), `*`, `?`, `{a,b}`, `[abc]`.
// A pattern without a `/` matches a file name at any depth (`*.txt`).

export type GlobMatcher = (relativePath: string) => boolean;

function translate(glob: string): string {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const slashAfter = glob[i + 2] === '/';
        if (atStart && slashAfter) { re += '(?:.*/)?'; i += 2; continue; }
        re += '.*'; i += 1; continue;
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { depth++; re += '(?:'; }
    else if (c === '}' && depth > 0) { depth--; re += ')'; }
    else if (c === ',' && depth > 0) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) { re += '\\['; continue; }
      let body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
      if (body.startsWith('!')) body = '^' + body.slice(1);
      re += '[' + body + ']';
      i = close;
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  while (depth-- > 0) re += ')';
  return re;
}

/** Compile one glob; invalid patterns match nothing. */
export function compileGlob(glob: string): GlobMatcher {
  let pattern = glob.trim().replace(/\\/g, '/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (!pattern) return () => false;
  if (!pattern.includes('/')) pattern = '**/' + pattern;
  let re: RegExp;
  try {
    re = new RegExp('^' + translate(pattern) + '$', process.platform === 'win32' ? 'i' : '');
  } catch {
    return () => false;
  }
  return p => re.test(p);
}

/** A matcher for any of several globs. */
export function compileGlobs(globs: readonly string[]): GlobMatcher {
  const matchers = globs.map(compileGlob);
  return p => matchers.some(m => m(p));
}
