import { describe, it, expect } from 'vitest';
import { parseFilters, serializeFilters, emptyFilters } from './filters';

const parse = (qs: string, extra: string[] = []) => parseFilters(new URLSearchParams(qs), extra);

describe('parseFilters', () => {
	it('reads comma lists and repeated parameters alike', () => {
		const a = parse('type=sister_relationship,office_abroad');
		const b = parse('type=sister_relationship&type=office_abroad');
		expect(a).toEqual(b);
		expect(a.ok && a.filters.type).toEqual(['sister_relationship', 'office_abroad']);
	});
	it('upper-cases country codes and reads years', () => {
		const r = parse('country=jp&from=2018&to=2024&q=%20climate%20');
		expect(r).toEqual({ ok: true, filters: { ...emptyFilters(), country: ['JP'], from: 2018, to: 2024, q: 'climate' } });
	});
	it.each([
		['type=sister_city', 'type', 'unknown type "sister_city"'],
		['issue=sports', 'issue', 'unknown issue "sports"'],
		['country=Japan', 'country', 'expected ISO 3166-1 alpha-2 codes such as JP, got "JAPAN"'],
		['state=ZZ', 'state', 'unknown state "ZZ"'],
		['kind=village', 'kind', 'unknown kind "village"'],
		['status=alive', 'status', 'unknown status "alive"'],
		['region=Atlantis', 'region', 'unknown region "Atlantis"'],
		['from=20x8', 'from', 'expected a year between 1800 and 2100, got "20x8"'],
		['to=3000', 'to', 'expected a year between 1800 and 2100, got "3000"'],
		['from=2020&to=2010', 'to', '"to" (2010) is before "from" (2020)'],
		['colour=red', 'colour', 'unknown parameter "colour"'],
		[`q=${'x'.repeat(201)}`, 'q', 'longer than 200 characters']
	])('%s is refused, naming %s', (qs, parameter, message) => {
		const r = parse(qs);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors).toContainEqual(expect.objectContaining({ parameter, message }));
	});
	it('accepts parameters the caller allows', () => {
		expect(parse('limit=5', ['limit']).ok).toBe(true);
		expect(parse('limit=5').ok).toBe(false);
	});
});

describe('serializeFilters', () => {
	it('round-trips and gives equal URLs for equal filters', () => {
		const r = parse('state=WA,AL&type=office_abroad&from=2019');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const s = serializeFilters(r.filters).toString();
		expect(s).toBe('type=office_abroad&state=AL%2CWA&from=2019');
		const again = parse(s);
		expect(again.ok && serializeFilters(again.filters).toString()).toBe(s);
	});
	it('is empty for no filter', () => {
		expect(serializeFilters(emptyFilters()).toString()).toBe('');
	});
});
