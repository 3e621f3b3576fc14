// Pretty JSON in pieces: the text JSON.stringify(value, null, 2) gives, cut into pieces of about `size` characters,
// so that a report larger than the longest string V8 can make (about 512 MB: a 10 MB article's report passes it)
// is still written. Plain data only: objects, arrays, strings, numbers, booleans, null (undefined is left out of
// objects and is null in arrays, as JSON.stringify does).

export function* jsonPieces(value: unknown, size = 1 << 16): Generator<string> {
  let buf = '';
  function* flush(): Generator<string> { if (buf.length >= size) { yield buf; buf = ''; } }
  function* walk(v: unknown, indent: string): Generator<string> {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(): unknown }).toJSON();
    if (v === null || typeof v !== 'object') { buf += JSON.stringify(v) ?? 'null'; return; }
    const inner = indent + '  ';
    if (Array.isArray(v)) {
      if (!v.length) { buf += '[]'; return; }
      buf += '[\n';
      for (let i = 0; i < v.length; i++) {
        buf += inner;
        const x: unknown = v[i];
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') buf += 'null';
        else if (small(x)) buf += JSON.stringify(x, null, 2).replace(/\n/g, '\n' + inner);
        else yield* walk(x, inner);
        buf += i < v.length - 1 ? ',\n' : '\n';
        yield* flush();
      }
      buf += indent + ']';
      return;
    }
    const keys = Object.keys(v).filter(k => { const x = (v as Record<string, unknown>)[k]; return x !== undefined && typeof x !== 'function' && typeof x !== 'symbol'; });
    if (!keys.length) { buf += '{}'; return; }
    buf += '{\n';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      buf += inner + JSON.stringify(k) + ': ';
      yield* walk((v as Record<string, unknown>)[k], inner);
      buf += i < keys.length - 1 ? ',\n' : '\n';
      yield* flush();
    }
    buf += indent + '}';
  }
  yield* walk(value, '');
  buf += '\n';
  yield buf;
}

/**
 * An element of a list that JSON.stringify may write whole (the list's pieces stay about `size` long, and writing
 * a figure or a mention whole is several times faster than walking it): an object (not a list) of a few levels whose
 * lists are short, without toJSON (what that gives is not known in advance).
 */
function small(x: unknown, depth = 0): boolean {
  if (x === null || typeof x !== 'object' || typeof (x as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(x)) return depth > 0 && x.length <= 64 && x.every(v => v === null || typeof v !== 'object' || small(v, depth + 1));
  if (depth > 2) return false;
  for (const k in x) {
    const v = (x as Record<string, unknown>)[k];
    if (v !== null && typeof v === 'object' && !small(v, depth + 1)) return false;
  }
  return true;
}
