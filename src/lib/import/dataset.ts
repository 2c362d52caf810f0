/**
 * Read the data files (networks.csv, places.csv, engagements/*.csv) into a resolved, checked dataset, collecting
 * every problem as FILE:LINE: column: message rather than stopping at the first.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeUtf8, parseCsv, type CsvRecord } from './csv';
import {
	ENGAGEMENT_COLUMNS,
	REQUIRED_ENGAGEMENT_COLUMNS,
	SOURCE_COLUMNS,
	NETWORK_COLUMNS,
	REQUIRED_NETWORK_COLUMNS,
	PLACE_COLUMNS,
	REQUIRED_PLACE_COLUMNS,
	type EngagementColumn
} from './columns';
import { validateRow, validateSourceRow, isHttpUrl, type EngagementRow, type SourceInput } from './validate';
import { resolvePlace, resolvePartner, placeKey, type PlaceFacts, type ResolvedPlace, type ResolvedPartner, type NetworkRef } from './resolve';
import type { Gazetteer } from './gazetteer';
import { ISSUE_IDS, familyOf, type IssueId } from '../taxonomy';

export interface FileProblem {
	file: string;
	line: number;
	column: string;
	message: string;
}

/** One problem per output line: a quoted value may hold a newline or other control character, so those are
 * written as escapes (\n, \u0000) rather than breaking the line or the terminal. */
export function formatProblem(p: FileProblem): string {
	return `${p.file}:${p.line}: ${p.column}: ${escapeControls(p.message)}`;
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeControls(s: string): string {
	// eslint-disable-next-line no-control-regex
	return s.replace(/[\u0000-\u001f\u007f]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface NetworkInput {
	slug: string;
	name: string;
	url: string;
	issueAreas: IssueId[];
	summary: string | null;
	founded: number | null;
}

export interface EngagementInput extends Omit<EngagementRow, 'source' | 'places'> {
	family: string;
	places: ResolvedPlace[];
	partnerRef: ResolvedPartner;
	sources: SourceInput[];
	file: string;
	line: number;
	synthetic: boolean;
}

export interface Dataset {
	networks: NetworkInput[];
	placeFacts: Map<string, PlaceFacts>;
	engagements: EngagementInput[];
	problems: FileProblem[];
	warnings: FileProblem[];
	files: string[];
}

const SOURCE_SET = new Set<string>(SOURCE_COLUMNS);

/** Types where one pair of places may meet many times; the start date tells the records apart. */
const REPEATABLE = new Set([
	'outgoing_mission',
	'incoming_delegation',
	'event_or_summit',
	'pledge_or_declaration',
	'legislative_action',
	'cooperation_agreement',
	'project_partnership'
]);

interface Table<C extends string> {
	rows: { line: number; fields: string[]; get: (c: C) => string }[];
	/** Position of each known column in the file, or -1 when the file leaves it out. */
	position: (c: C) => number;
}

/** Read, decode and parse one CSV file, checking its header against the known columns. */
export function readTable<C extends string>(
	path: string,
	displayName: string,
	known: readonly C[],
	requiredCols: readonly C[],
	problems: FileProblem[]
): Table<C> | undefined {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		problems.push({ file: displayName, line: 1, column: 'file', message: `cannot read: ${(e as Error).message}` });
		return undefined;
	}
	const decoded = decodeUtf8(bytes);
	if (!decoded.ok) {
		problems.push({ file: displayName, ...decoded.problem });
		return undefined;
	}
	const parsed = parseCsv(decoded.text);
	if (!parsed.ok) {
		for (const p of parsed.problems) problems.push({ file: displayName, ...p });
		return undefined;
	}
	const header = parsed.header;
	let bad = false;
	for (const col of requiredCols) {
		if (!header.includes(col)) {
			problems.push({ file: displayName, line: 1, column: 'header', message: `missing required column "${col}"` });
			bad = true;
		}
	}
	const seen = new Set<string>();
	for (const col of header) {
		if (!(known as readonly string[]).includes(col)) {
			problems.push({ file: displayName, line: 1, column: 'header', message: `unknown column "${col}"; known columns: ${known.join(', ')}` });
			bad = true;
		}
		if (seen.has(col)) {
			problems.push({ file: displayName, line: 1, column: 'header', message: `column "${col}" appears twice` });
			bad = true;
		}
		seen.add(col);
	}
	if (bad) return undefined;
	const index = new Map(header.map((h, i) => [h, i]));
	return {
		position: (c: C) => index.get(c) ?? -1,
		rows: parsed.records.map((r: CsvRecord) => ({
			line: r.line,
			fields: r.fields,
			get: (c: C) => {
				const i = index.get(c);
				return i === undefined ? '' : r.fields[i].trim();
			}
		}))
	};
}

export function readNetworks(path: string, displayName: string, problems: FileProblem[]): NetworkInput[] {
	const t = readTable(path, displayName, NETWORK_COLUMNS, REQUIRED_NETWORK_COLUMNS, problems);
	if (!t) return [];
	const out: NetworkInput[] = [];
	const slugs = new Map<string, number>();
	for (const r of t.rows) {
		const p = (column: string, message: string) => problems.push({ file: displayName, line: r.line, column, message });
		const before = problems.length;
		const slug = r.get('slug');
		if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) p('slug', slug ? 'use lowercase letters, digits and - only' : 'required');
		else if (slugs.has(slug)) p('slug', `duplicate network "${slug}", first defined at line ${slugs.get(slug)}`);
		slugs.set(slug, r.line);
		if (!r.get('name')) p('name', 'required');
		if (!isHttpUrl(r.get('url'))) p('url', r.get('url') ? 'must be an absolute http:// or https:// URL' : 'required');
		const issues = r.get('issue_areas').split(';').map((s) => s.trim()).filter(Boolean);
		for (const i of issues) if (!(ISSUE_IDS as readonly string[]).includes(i)) p('issue_areas', `unknown issue area "${i}"`);
		const founded = r.get('founded');
		if (founded && !/^\d{4}$/.test(founded)) p('founded', 'expected a year, YYYY');
		if (problems.length > before) continue;
		out.push({
			slug,
			name: r.get('name'),
			url: r.get('url'),
			issueAreas: issues as IssueId[],
			summary: r.get('summary') || null,
			founded: founded ? Number(founded) : null
		});
	}
	return out;
}

export function readPlaceFacts(path: string, displayName: string, problems: FileProblem[]): Map<string, PlaceFacts> {
	const out = new Map<string, PlaceFacts>();
	const t = readTable(path, displayName, PLACE_COLUMNS, REQUIRED_PLACE_COLUMNS, problems);
	if (!t) return out;
	for (const r of t.rows) {
		const p = (column: string, message: string) => problems.push({ file: displayName, line: r.line, column, message });
		const before = problems.length;
		const num = (c: (typeof PLACE_COLUMNS)[number], re: RegExp, what: string) => {
			const v = r.get(c);
			if (v === '') return null;
			if (!re.test(v)) {
				p(c, `expected ${what}`);
				return null;
			}
			return Number(v);
		};
		const place = r.get('place');
		if (!place) p('place', 'required');
		const facts: PlaceFacts = {
			geonamesId: num('geonames_id', /^\d+$/, 'a GeoNames id (digits)'),
			lat: num('lat', /^-?\d+(\.\d+)?$/, 'decimal degrees'),
			lon: num('lon', /^-?\d+(\.\d+)?$/, 'decimal degrees'),
			population: num('population', /^\d+$/, 'a whole number'),
			officeName: r.get('office_name') || null,
			officeUrl: r.get('office_url') || null,
			officeStaff: num('office_staff', /^\d+$/, 'a whole number'),
			sourceUrl: r.get('source_url') || null
		};
		for (const c of ['office_url', 'source_url'] as const) {
			if (r.get(c) && !isHttpUrl(r.get(c))) p(c, 'must be an absolute http:// or https:// URL');
		}
		if ((facts.lat === null) !== (facts.lon === null)) p('lat', 'give both lat and lon, or neither');
		if (out.has(placeKey(place))) p('place', `"${place}" is listed twice`);
		if (problems.length > before) continue;
		out.set(placeKey(place), facts);
	}
	return out;
}

export interface EngagementContext {
	gazetteer: Gazetteer;
	networks: Map<string, NetworkRef>;
	placeFacts: Map<string, PlaceFacts>;
	/** Shown as the file name in messages (relative to the working directory). */
	displayName?: (path: string) => string;
}

/** Read engagement files in order; ids and ties must be unique across all of them. */
export function readEngagementFiles(paths: string[], ctx: EngagementContext) {
	const problems: FileProblem[] = [];
	const warnings: FileProblem[] = [];
	const engagements: EngagementInput[] = [];
	const byId = new Map<string, { file: string; line: number; engagement?: EngagementInput }>();
	const ties = new Map<string, { id: string; file: string; line: number }>();
	const placeCache = new Map<string, ReturnType<typeof resolvePlace>>();
	const extraSources: { id: string; file: string; line: number; source: SourceInput }[] = [];
	const partnerCache = new Map<string, ReturnType<typeof resolvePartner>>();

	for (const path of paths) {
		const file = ctx.displayName ? ctx.displayName(path) : relative(process.cwd(), path) || path;
		const table = readTable(path, file, ENGAGEMENT_COLUMNS, REQUIRED_ENGAGEMENT_COLUMNS, problems);
		if (!table) continue;
		const positions = ENGAGEMENT_COLUMNS.map((c) => table.position(c));
		for (const r of table.rows) {
			const raw = {} as Record<EngagementColumn, string>;
			let otherColumnsFilled = false;
			for (let k = 0; k < ENGAGEMENT_COLUMNS.length; k++) {
				const c = ENGAGEMENT_COLUMNS[k];
				const v = positions[k] < 0 ? '' : r.fields[positions[k]].trim();
				raw[c] = v;
				if (v !== '' && k > 0 && !SOURCE_SET.has(c)) otherColumnsFilled = true;
			}
			const add = (column: string, message: string) => problems.push({ file, line: r.line, column, message });
			const onlySource = raw.id !== '' && raw.source_url !== '' && !otherColumnsFilled;
			if (onlySource) {
				// An extra source: attached once every file is read, so it may come before its engagement.
				const s = validateSourceRow(raw);
				if (!s.ok) for (const p of s.problems) add(p.column, p.message);
				else extraSources.push({ id: raw.id, file, line: r.line, source: s.source });
				continue;
			}
			const earlier = raw.id ? byId.get(raw.id) : undefined;
			if (earlier) {
				add('id', `duplicate id "${raw.id}", first defined at ${earlier.file}:${earlier.line}`);
				continue;
			}
			const v = validateRow(raw);
			if (raw.id) byId.set(raw.id, { file, line: r.line });
			if (!v.ok) {
				for (const p of v.problems) add(p.column, p.message);
				continue;
			}
			const row = v.row;
			const places: ResolvedPlace[] = [];
			let placeFailed = false;
			for (const text of row.places) {
				let res = placeCache.get(text);
				if (!res) {
					res = resolvePlace(text, ctx.gazetteer, ctx.placeFacts);
					placeCache.set(text, res);
				}
				if (res.ok) places.push(res.value);
				else {
					add('place', res.message);
					placeFailed = true;
				}
			}
			// Many rows share a partner: resolve each distinct description once.
			const partnerKey = [row.partnerKind, row.partner, row.partnerRegion, row.partnerCountry, row.partnerGeonamesId, row.partnerPoint?.lat, row.partnerPoint?.lon, row.network].join('|');
			let partner = partnerCache.get(partnerKey);
			if (!partner) {
				partner = resolvePartner(row, ctx.gazetteer, ctx.networks);
				partnerCache.set(partnerKey, partner);
			}
			if (!partner.ok) add(partner.problem.column, partner.problem.message);
			if (placeFailed || !partner.ok) continue;
			if (new Set(places.map((p) => p.key)).size !== places.length) {
				add('place', 'two names in the list are the same place');
				continue;
			}
			const tie = [row.type, places[0].key, partner.value.key, REPEATABLE.has(row.type) ? (row.start?.text ?? '') : ''].join('|');
			const twin = ties.get(tie);
			if (twin) {
				add('id', `duplicate tie: same type, lead place and partner as "${twin.id}" (${twin.file}:${twin.line})`);
				continue;
			}
			ties.set(tie, { id: row.id, file, line: r.line });
			if ((row.status === 'terminated' || row.status === 'suspended') && !row.end) {
				warnings.push({ file, line: r.line, column: 'end_date', message: `${row.status} without an end date` });
			}
			if (row.source.verification === 'seen' && !row.source.asOf) {
				warnings.push({ file, line: r.line, column: 'as_of', message: 'seen without the date it was read' });
			}
			const { source, places: _names, ...rest } = row;
			void _names;
			const e: EngagementInput = {
				...rest,
				family: familyOf(row.type),
				places,
				partnerRef: partner.value,
				sources: [source],
				file,
				line: r.line,
				synthetic: row.id.startsWith('synthetic:')
			};
			engagements.push(e);
			byId.set(row.id, { file, line: r.line, engagement: e });
		}
	}
	for (const x of extraSources) {
		const target = byId.get(x.id);
		if (target?.engagement) target.engagement.sources.push(x.source);
		else if (!target) problems.push({ file: x.file, line: x.line, column: 'id', message: `a source row for "${x.id}", but no engagement has that id` });
	}
	return { engagements, problems, warnings };
}

/** Read the whole data folder. */
export function readDataset(dataDir: string, gazetteer: Gazetteer): Dataset {
	const problems: FileProblem[] = [];
	const rel = (p: string) => relative(process.cwd(), p) || p;
	const networksPath = join(dataDir, 'networks.csv');
	const placesPath = join(dataDir, 'places.csv');
	const networks = existsSync(networksPath) ? readNetworks(networksPath, rel(networksPath), problems) : [];
	const placeFacts = existsSync(placesPath) ? readPlaceFacts(placesPath, rel(placesPath), problems) : new Map();
	const dir = join(dataDir, 'engagements');
	const files = existsSync(dir)
		? readdirSync(dir)
				.filter((f) => f.endsWith('.csv'))
				.sort()
				.map((f) => join(dir, f))
		: [];
	const res = readEngagementFiles(files, {
		gazetteer,
		networks: new Map(networks.map((n) => [n.slug, n])),
		placeFacts
	});
	return {
		networks,
		placeFacts,
		engagements: res.engagements,
		problems: [...problems, ...res.problems],
		warnings: res.warnings,
		files: [networksPath, placesPath, ...files].filter((f) => existsSync(f))
	};
}
