/** What the map needs: shared by the server queries and the browser components. */
export interface MapPlacePoint {
	slug: string;
	label: string;
	kind: string;
	stateCode: string;
	lat: number;
	lon: number;
	n: number;
}

export interface MapPartnerPoint {
	slug: string;
	name: string;
	kind: string;
	country: string | null;
	lat: number;
	lon: number;
	n: number;
}

export interface MapSelection {
	slug: string;
	label: string;
	lat: number;
	lon: number;
	partners: MapPartnerPoint[];
}

export type MapView = 'us' | 'world';

/** Places one click away: the contiguous states, Alaska, Hawaii and the territories, and the world. */
export const EXTENTS: { id: string; label: string; bounds: [[number, number], [number, number]] }[] = [
	{ id: 'lower48', label: 'Contiguous U.S.', bounds: [[-125, 24], [-66.5, 49.5]] },
	{ id: 'alaska', label: 'Alaska', bounds: [[-170, 51], [-129, 71.5]] },
	{ id: 'hawaii', label: 'Hawaii', bounds: [[-160.5, 18.8], [-154.7, 22.3]] },
	{ id: 'caribbean', label: 'Puerto Rico & USVI', bounds: [[-67.4, 17.6], [-64.5, 18.6]] },
	{ id: 'pacific', label: 'Guam & N. Marianas', bounds: [[144.5, 13.2], [146.1, 15.4]] },
	{ id: 'samoa', label: 'American Samoa', bounds: [[-171, -14.6], [-169.3, -14.1]] },
	{ id: 'world', label: 'World', bounds: [[-170, -50], [180, 72]] }
];

/** A fixed list of map points for one dataset version: [slug, name, kind, lat, lon, engagements in all]. */
export interface MapPointSet {
	version: string;
	set: 'places' | 'partners';
	points: [string, string, string, number, number, number][];
}
