/**
 * Row validation with zod: each engagement row becomes a typed record or a list of problems naming the column.
 * Only the shape and the vocabulary are checked here; names are resolved against the gazetteers in resolve.ts.
 */
import { z } from 'zod';
import {
	TYPE_IDS,
	ISSUE_IDS,
	STATUS_IDS,
	PARTNER_KINDS,
	SOURCE_KINDS,
	VERIFICATIONS,
	type TypeId,
	type IssueId,
	type StatusId,
	type PartnerKind,
	type SourceKind,
	type Verification
} from '../taxonomy';
import { MAX_LENGTH, type EngagementColumn } from './columns';
import { parsePartialDate, type PartialDate } from './dates';

export const ID_RE = /^[a-z0-9][a-z0-9:._-]*$/;
const SLUG_RE = /^[a-z0-9][a-z0-9-]*$/;

export interface Problem {
	column: string;
	message: string;
}

export interface SourceInput {
	url: string;
	title: string | null;
	publisher: string | null;
	kind: SourceKind;
	verification: Verification;
	asOf: string | null;
}

export interface EngagementRow {
	id: string;
	places: string[];
	type: TypeId;
	partnerKind: PartnerKind;
	partner: string;
	partnerRegion: string;
	partnerCountry: string;
	partnerGeonamesId: number | null;
	partnerPoint: { lat: number; lon: number } | null;
	network: string;
	title: string;
	summary: string | null;
	start: PartialDate | null;
	end: PartialDate | null;
	status: StatusId;
	endReason: string | null;
	issues: IssueId[];
	group: string | null;
	source: SourceInput;
}

const list = (values: readonly string[]) => values.join(', ');

function oneOf<T extends string>(what: string, values: readonly T[]) {
	return z.string().refine((v): v is T => (values as readonly string[]).includes(v), {
		error: (iss) =>
			iss.input === '' ? 'required' : `unknown ${what} "${String(iss.input)}"; expected one of ${list(values)}`
	}) as unknown as z.ZodType<T>;
}

function optionalDate() {
	return z.string().transform((v, ctx) => {
		if (v === '') return null;
		const d = parsePartialDate(v);
		if (!d) {
			ctx.addIssue({ code: 'custom', message: `"${v}" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD` });
			return z.NEVER;
		}
		return d;
	});
}

/** An absolute http(s) URL; anything else (javascript:, data:, relative paths) could run or mislead. */
export function isHttpUrl(v: string): boolean {
	if (!/^https?:\/\//i.test(v)) return false;
	try {
		const u = new URL(v);
		return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
	} catch {
		return false;
	}
}

const httpUrl = z.string().refine(isHttpUrl, {
	error: (iss) => (iss.input === '' ? 'required' : 'must be an absolute http:// or https:// URL')
});

const required = z.string().min(1, { error: 'required' });
const optionalText = z.string().transform((v) => (v === '' ? null : v));
const coordinate = (max: number) =>
	z.string().refine((v) => v === '' || (/^-?\d+(\.\d+)?$/.test(v) && Math.abs(Number(v)) <= max), {
		error: `expected decimal degrees between -${max} and ${max}`
	});

const sourceShape = {
	source_url: httpUrl,
	source_title: optionalText,
	source_publisher: optionalText,
	source_kind: oneOf('source kind', SOURCE_KINDS),
	verification: oneOf('verification', VERIFICATIONS),
	as_of: z.string().refine((v) => v === '' || parsePartialDate(v)?.precision === 'day', {
		error: 'expected a day, YYYY-MM-DD'
	})
};

const sourceSchema = z.object(sourceShape);

const rowSchema = z.object({
	id: required.regex(ID_RE, { error: 'use lowercase letters, digits and : . _ - only' }),
	place: required,
	type: oneOf('type', TYPE_IDS),
	partner_kind: oneOf('partner kind', PARTNER_KINDS),
	partner: z.string(),
	partner_region: z.string(),
	partner_country: z.string().regex(/^([A-Z]{2})?$/, { error: 'expected an ISO 3166-1 alpha-2 code such as JP' }),
	partner_geonames_id: z.string().regex(/^(\d+)?$/, { error: 'expected a GeoNames id (digits)' }),
	partner_lat: coordinate(90),
	partner_lon: coordinate(180),
	network: z.string().regex(/^([a-z0-9][a-z0-9-]*)?$/, { error: 'expected a network slug from data/networks.csv' }),
	title: required,
	summary: optionalText,
	start_date: optionalDate(),
	end_date: optionalDate(),
	status: oneOf('status', STATUS_IDS),
	end_reason: optionalText,
	issue_areas: z.string().transform((v, ctx) => {
		const ids = v
			.split(';')
			.map((s) => s.trim())
			.filter(Boolean);
		for (const id of ids) {
			if (!(ISSUE_IDS as readonly string[]).includes(id)) {
				ctx.addIssue({ code: 'custom', message: `unknown issue area "${id}"; expected one of ${list(ISSUE_IDS)}` });
			}
		}
		if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'an issue area is listed twice' });
		return ids as IssueId[];
	}),
	group: z.string().regex(/^([a-z0-9][a-z0-9-]*)?$/, { error: 'expected a slug (lowercase letters, digits, -)' }),
	...sourceShape
});

type Raw = Record<EngagementColumn, string>;

function lengthProblems(raw: Raw): Problem[] {
	const out: Problem[] = [];
	for (const [col, max] of Object.entries(MAX_LENGTH) as [EngagementColumn, number][]) {
		const v = raw[col];
		if (v.length > max) out.push({ column: col, message: `longer than ${max} characters (${v.length})` });
	}
	return out;
}

function zodProblems(error: z.ZodError): Problem[] {
	return error.issues.map((i) => ({ column: String(i.path[0] ?? 'row'), message: i.message }));
}

export function validateSourceRow(raw: Raw): { ok: true; source: SourceInput } | { ok: false; problems: Problem[] } {
	const long = lengthProblems(raw);
	if (long.length) return { ok: false, problems: long };
	const r = sourceSchema.safeParse(raw);
	if (!r.success) return { ok: false, problems: zodProblems(r.error) };
	return { ok: true, source: toSource(r.data) };
}

function toSource(d: z.infer<typeof sourceSchema>): SourceInput {
	return {
		url: d.source_url,
		title: d.source_title,
		publisher: d.source_publisher,
		kind: d.source_kind,
		verification: d.verification,
		asOf: d.as_of || null
	};
}

export function validateRow(raw: Raw): { ok: true; row: EngagementRow } | { ok: false; problems: Problem[] } {
	const long = lengthProblems(raw);
	if (long.length) return { ok: false, problems: long };
	const r = rowSchema.safeParse(raw);
	if (!r.success) return { ok: false, problems: zodProblems(r.error) };
	const d = r.data;
	const problems: Problem[] = [];
	const kind = d.partner_kind;
	if ((kind === 'city' || kind === 'region' || kind === 'organisation') && d.partner === '') {
		problems.push({ column: 'partner', message: `required for a ${kind} partner` });
	}
	if ((kind === 'city' || kind === 'region' || kind === 'country') && d.partner_country === '') {
		problems.push({ column: 'partner_country', message: `required for a ${kind} partner` });
	}
	if (kind === 'network') {
		if (d.network === '') problems.push({ column: 'network', message: 'required for a network partner' });
		if (d.partner_country !== '') problems.push({ column: 'partner_country', message: 'must be empty for a network partner' });
	}
	if (d.type === 'network_membership' && kind !== 'network') {
		problems.push({ column: 'partner_kind', message: 'a network_membership needs partner_kind network' });
	}
	if (d.network !== '' && kind !== 'network') {
		problems.push({ column: 'network', message: 'only a network partner names a network' });
	}
	if ((d.partner_lat === '') !== (d.partner_lon === '')) {
		problems.push({ column: d.partner_lat === '' ? 'partner_lat' : 'partner_lon', message: 'give both partner_lat and partner_lon, or neither' });
	}
	if (d.start_date && d.end_date && d.end_date.last < d.start_date.first) {
		problems.push({ column: 'end_date', message: `ends (${d.end_date.text}) before it starts (${d.start_date.text})` });
	}
	if (d.end_reason && d.status !== 'suspended' && d.status !== 'terminated' && d.status !== 'dormant') {
		problems.push({ column: 'end_reason', message: `only a suspended, terminated or dormant engagement has an end reason (status is ${d.status})` });
	}
	const places = d.place.split(';').map((s) => s.trim());
	if (places.some((p) => p === '')) problems.push({ column: 'place', message: 'an empty place between ";" separators' });
	if (new Set(places).size !== places.length) problems.push({ column: 'place', message: 'a place is listed twice' });
	if (problems.length) return { ok: false, problems };
	return {
		ok: true,
		row: {
			id: d.id,
			places,
			type: d.type,
			partnerKind: kind,
			partner: d.partner,
			partnerRegion: d.partner_region,
			partnerCountry: d.partner_country,
			partnerGeonamesId: d.partner_geonames_id ? Number(d.partner_geonames_id) : null,
			partnerPoint: d.partner_lat !== '' ? { lat: Number(d.partner_lat), lon: Number(d.partner_lon) } : null,
			network: d.network,
			title: d.title,
			summary: d.summary,
			start: d.start_date,
			end: d.end_date,
			status: d.status,
			endReason: d.end_reason,
			issues: d.issue_areas,
			group: d.group || null,
			source: toSource(d)
		}
	};
}

export { SLUG_RE };
