// A small JSON Schema (draft-07) validator for the keywords our schema uses, so the tests can
// check that the schema and the parser agree (no validator package is installed).

type Schema = Record<string, any> | boolean;

export function validate(schema: Schema, value: unknown, root: Record<string, any> = schema as Record<string, any>, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const s = schema;
  const errors: string[] = [];
  if (s.$ref) {
    const ref = String(s.$ref);
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    const target = ref.slice(2).split('/').reduce((o: any, k) => o?.[k], root);
    if (!target) throw new Error(`dangling $ref ${ref}`);
    errors.push(...validate(target, value, root, path));
  }
  if (s.type !== undefined) {
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some(t => typeOk(t, value))) return [...errors, `${path}: expected ${types.join('|')}`];
  }
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
  if (s.enum && !s.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path}: not one of ${s.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength) errors.push(`${path}: too short`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${path}: does not match ${s.pattern}`);
  }
  if (typeof value === 'number' && s.minimum !== undefined && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) errors.push(`${path}: fewer than ${s.minItems} items`);
    if (s.items) value.forEach((v, i) => errors.push(...validate(s.items, v, root, `${path}[${i}]`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in obj)) errors.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (s.properties && k in s.properties) errors.push(...validate(s.properties[k], v, root, `${path}.${k}`));
      else if (s.additionalProperties !== undefined) errors.push(...validate(s.additionalProperties, v, root, `${path}.${k}`));
    }
  }
  if (s.anyOf && !s.anyOf.some((x: Schema) => validate(x, value, root, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  if (s.oneOf && s.oneOf.filter((x: Schema) => validate(x, value, root, path).length === 0).length !== 1) errors.push(`${path}: must match exactly one of oneOf`);
  if (s.not && validate(s.not, value, root, path).length === 0) errors.push(`${path}: matches "not"`);
  return errors;
}

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'null': return v === null;
    case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array': return Array.isArray(v);
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number';
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'boolean': return typeof v === 'boolean';
    default: throw new Error(`unsupported type ${t}`);
  }
}
