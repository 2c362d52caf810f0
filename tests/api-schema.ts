/**
 * A checker for the subset of JSON Schema that src/lib/server/openapi.ts uses: type (one or a list), properties,
 * required, additionalProperties (boolean or schema), items, enum, minimum, maximum and local $ref. It returns
 * every mismatch with its path, so a failing test says where the response and its description part.
 */
type Schema = Record<string, unknown>;

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

const KNOWN = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'minimum', 'maximum', '$ref', 'default', 'description', 'maxLength', 'pattern']);

export function checkSchema(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
	for (const k of Object.keys(schema)) if (!KNOWN.has(k)) return [`${path}: the checker does not know the keyword "${k}"`];
	if (typeof schema.$ref === 'string') {
		const target = schema.$ref
			.replace(/^#\//, '')
			.split('/')
			.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], root);
		if (!target) return [`${path}: unresolved $ref ${schema.$ref}`];
		return checkSchema(value, target as Schema, root, path);
	}
	const errors: string[] = [];
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
		const t = typeOf(value);
		const ok = types.includes(t) || (t === 'integer' && types.includes('number'));
		if (!ok) return [`${path}: expected ${types.join(' or ')}, got ${t}`];
	}
	if (Array.isArray(schema.enum) && !schema.enum.includes(value as never)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < minimum ${schema.minimum}`);
		if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} > maximum ${schema.maximum}`);
	}
	if (typeof value === 'string') {
		if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) errors.push(`${path}: longer than ${schema.maxLength}`);
		if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
	}
	if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...checkSchema(v, schema.items as Schema, root, `${path}[${i}]`)));
	if (typeOf(value) === 'object') {
		const obj = value as Record<string, unknown>;
		const props = (schema.properties ?? {}) as Record<string, Schema>;
		for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errors.push(`${path}: missing property "${r}"`);
		for (const [k, v] of Object.entries(obj)) {
			if (props[k]) errors.push(...checkSchema(v, props[k], root, `${path}.${k}`));
			else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property "${k}"`);
			else if (typeof schema.additionalProperties === 'object') errors.push(...checkSchema(v, schema.additionalProperties as Schema, root, `${path}.${k}`));
		}
	}
	return errors;
}
