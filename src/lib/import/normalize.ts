/** Name normalisation shared by every gazetteer lookup: case, accents, punctuation and "St."/"Saint" ignored. */
export function normName(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[’'`.]/g, '')
		.replace(/[-_/,()]+/g, ' ')
		.replace(/\bsaint\b/g, 'st')
		.replace(/\bsainte\b/g, 'ste')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Region names are written with and without their generic part ("Gyeonggi-do", "Hyogo Prefecture"). */
const REGION_SUFFIXES = /\s+(province|prefecture|state|region|oblast|krai|governorate|department|district|county|do|ken|fu|to|sheng|shi|autonomous region|special administrative region|municipality|territory|canton|voivodeship)$/;
const REGION_PREFIXES = /^(state of|province of|free state of|region of|the)\s+/;

export function normRegion(s: string): string {
	let n = normName(s);
	for (let k = 0; k < 2; k++) n = n.replace(REGION_PREFIXES, '').replace(REGION_SUFFIXES, '');
	return n;
}

/** A slug: lowercase ASCII words joined by hyphens. */
export function slugify(s: string): string {
	return normName(s)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
