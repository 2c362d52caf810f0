/** Display helpers shared by pages: dates with their precision, numbers, labels. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2020", "May 2020", "12 May 2020": never more precise than the data. */
export function formatDate(d: string | null | undefined): string {
	if (!d) return '';
	const [y, m, day] = d.split('-');
	if (!m) return y;
	const month = MONTHS[Number(m) - 1];
	return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/** A tie that is still running reads "since 1957"; a visit or an ended tie reads as its dates. */
export function formatSpan(start: string | null, end: string | null, status = 'active'): string {
	if (!start && !end) return 'date unknown';
	if (start && end) return start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;
	if (start) return status === 'active' || status === 'dormant' ? `since ${formatDate(start)}` : formatDate(start);
	return `until ${formatDate(end)}`;
}

export function formatNumber(n: number | null | undefined): string {
	return n === null || n === undefined ? '' : n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export const VERIFICATION_LABELS: Record<string, string> = {
	seen: 'checked: the page supports this',
	site: 'publisher known, page not checked',
	unverified: 'not yet verified'
};

/** A source URL's host, to name a source that has neither title nor publisher (the URL itself if unparsable). */
export function hostOf(url: string): string {
	try {
		return new URL(url).hostname;
	} catch {
		return url;
	}
}

/** How a record's end reason is introduced: a suspension or a lull is not an ending. */
export function reasonLabel(status: string): string {
	if (status === 'suspended') return 'Suspended because';
	if (status === 'dormant') return 'Dormant because';
	return 'Ended because';
}
