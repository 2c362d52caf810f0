/** What the map needs of a place: shared by the server query and the browser component. */
export interface MapPlacePoint {
	slug: string;
	label: string;
	kind: string;
	stateCode: string;
	lat: number;
	lon: number;
	n: number;
}
