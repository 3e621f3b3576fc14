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
