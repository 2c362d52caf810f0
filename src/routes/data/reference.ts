/**
 * The OpenAPI description flattened for the /data page: one entry per endpoint with its parameters (references
 * resolved, allowed values spelled out) and responses, so the page renders the same document the API serves.
 */
import type { OpenApi } from '$lib/server/openapi';

export interface ParamView {
	name: string;
	where: string;
	description: string;
	allowed: string;
	example: string;
}

export interface EndpointView {
	path: string;
	summary: string;
	description: string;
	params: ParamView[];
	responses: { status: string; description: string; types: string[] }[];
	example: string;
}

interface RawParam {
	name: string;
	in: string;
	description?: string;
	schema?: { type?: string; enum?: readonly string[]; minimum?: number; maximum?: number; maxLength?: number; pattern?: string; default?: unknown };
	example?: string;
	'x-values'?: readonly string[];
	'x-with'?: Record<string, string>;
}

function allowed(p: RawParam): string {
	const s = p.schema ?? {};
	if (p['x-values']) return p['x-values'].join(', ');
	if (s.enum) return s.enum.join(', ') + (s.default !== undefined ? ` (default ${s.default})` : '');
	if (s.minimum !== undefined) return `${s.minimum} to ${s.maximum}` + (s.default !== undefined ? ` (default ${s.default})` : '');
	if (s.maxLength !== undefined) return `text, at most ${s.maxLength} characters`;
	if (s.pattern) return 'ISO 3166-1 alpha-2 codes';
	return s.type ?? 'text';
}

export function reference(api: OpenApi): EndpointView[] {
	const shared = api.components.parameters as Record<string, RawParam>;
	return Object.entries(api.paths).map(([path, item]) => {
		const op = item.get as { summary: string; description?: string; parameters?: (RawParam | { $ref: string })[]; responses: Record<string, { description: string; content?: Record<string, unknown> }> };
		const params = (op.parameters ?? []).map((p) => ('$ref' in p ? shared[p.$ref.split('/').pop()!] : p));
		const pathParam = params.find((p) => p.in === 'path');
		return {
			path,
			summary: op.summary,
			description: op.description ?? '',
			params: params.map((p) => ({
				name: p.name,
				where: p.in,
				description: (p.description ?? '') + (p['x-with'] ? ` Only with ${Object.entries(p['x-with']).map(([k, v]) => `${k}=${v}`).join(', ')}.` : ''),
				allowed: allowed(p),
				example: p.example ?? ''
			})),
			responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description, types: Object.keys(r.content ?? {}) })),
			example: pathParam ? path.replace(`{${pathParam.name}}`, pathParam.example ?? '') : path
		};
	});
}
