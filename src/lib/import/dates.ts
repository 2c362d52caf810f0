/** Partial dates as the data gives them: a year, a month or a day, with the precision kept. */
import type { DatePrecision } from '../taxonomy';

export interface PartialDate {
	text: string;
	precision: DatePrecision;
	year: number;
	/** The earliest day the date can mean, for ordering: 2020-05 → 2020-05-01. */
	first: string;
	/** The latest day it can mean: 2020-05 → 2020-05-31. */
	last: string;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined when it is not a real date. */
export function parsePartialDate(text: string): PartialDate | undefined {
	const m = DATE_RE.exec(text);
	if (!m) return undefined;
	const year = Number(m[1]);
	if (year < 1800 || year > 2100) return undefined;
	if (m[2] === undefined) return { text, precision: 'year', year, first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
	const month = Number(m[2]);
	if (month < 1 || month > 12) return undefined;
	const dim = daysIn(year, month);
	if (m[3] === undefined) return { text, precision: 'month', year, first: `${text}-01`, last: `${text}-${dim}` };
	const day = Number(m[3]);
	if (day < 1 || day > dim) return undefined;
	return { text, precision: 'day', year, first: text, last: text };
}
