/** Close matches for a mistyped slug or code: shared prefix first, then edit distance. */
export function editDistance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0];
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = prev[j];
			prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = tmp;
		}
	}
	return prev[b.length];
}

export function suggest<T>(wanted: string, items: T[], key: (t: T) => string, label: (t: T) => string = key, max = 5): T[] {
	const w = wanted.toLowerCase().slice(0, 80);
	return items
		.map((t) => {
			const k = key(t).toLowerCase();
			const l = label(t).toLowerCase();
			const contains = k.includes(w) || l.includes(w) || (w.length >= 3 && w.includes(k));
			return { t, score: contains ? 0 : Math.min(editDistance(w, k), editDistance(w, l)) };
		})
		.filter((x) => x.score <= Math.max(2, Math.floor(w.length / 3)))
		.sort((a, b) => a.score - b.score || key(a.t).localeCompare(key(b.t)))
		.slice(0, max)
		.map((x) => x.t);
}

/** Like suggest(), but the closest by edit distance (to the key or the label) first: for short lists of choices. */
export function suggestClosest<T>(wanted: string, items: T[], key: (t: T) => string, label: (t: T) => string = key, max = 5): T[] {
	const w = wanted.toLowerCase().slice(0, 80);
	return suggest(wanted, items, key, label, 20)
		.map((t) => ({ t, d: Math.min(editDistance(w, key(t).toLowerCase()), editDistance(w, label(t).toLowerCase())) }))
		.sort((a, b) => a.d - b.d)
		.slice(0, max)
		.map((x) => x.t);
}
