/** Colours of the type families in charts: Okabe–Ito, told apart with the common colour-vision deficiencies. */
import { FAMILIES, type FamilyId } from '$lib/taxonomy';

export const FAMILY_COLOURS: Record<FamilyId, string> = {
	agreements: '#0072b2',
	visits: '#e69f00',
	multilateral: '#009e73',
	presence: '#cc79a7',
	law: '#56b4e9'
};

export const FAMILY_IDS: FamilyId[] = FAMILIES.map((f) => f.id);
