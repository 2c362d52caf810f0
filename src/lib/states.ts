/**
 * The 50 states, DC and the five inhabited territories: USPS code, name, FIPS code, 2020 Census resident
 * population (territories: the 2020 Island Areas censuses) and Census region. Points come from the us-atlas
 * polygons at build time, so none are typed here.
 */
import type { CensusRegion } from './taxonomy';

export interface StateRow {
	code: string;
	name: string;
	fips: string;
	population: number;
	region: CensusRegion;
}

const rows: [string, string, string, number, CensusRegion][] = [
	['AL', 'Alabama', '01', 5024279, 'South'],
	['AK', 'Alaska', '02', 733391, 'West'],
	['AZ', 'Arizona', '04', 7151502, 'West'],
	['AR', 'Arkansas', '05', 3011524, 'South'],
	['CA', 'California', '06', 39538223, 'West'],
	['CO', 'Colorado', '08', 5773714, 'West'],
	['CT', 'Connecticut', '09', 3605944, 'Northeast'],
	['DE', 'Delaware', '10', 989948, 'South'],
	['DC', 'District of Columbia', '11', 689545, 'South'],
	['FL', 'Florida', '12', 21538187, 'South'],
	['GA', 'Georgia', '13', 10711908, 'South'],
	['HI', 'Hawaii', '15', 1455271, 'West'],
	['ID', 'Idaho', '16', 1839106, 'West'],
	['IL', 'Illinois', '17', 12812508, 'Midwest'],
	['IN', 'Indiana', '18', 6785528, 'Midwest'],
	['IA', 'Iowa', '19', 3190369, 'Midwest'],
	['KS', 'Kansas', '20', 2937880, 'Midwest'],
	['KY', 'Kentucky', '21', 4505836, 'South'],
	['LA', 'Louisiana', '22', 4657757, 'South'],
	['ME', 'Maine', '23', 1362359, 'Northeast'],
	['MD', 'Maryland', '24', 6177224, 'South'],
	['MA', 'Massachusetts', '25', 7029917, 'Northeast'],
	['MI', 'Michigan', '26', 10077331, 'Midwest'],
	['MN', 'Minnesota', '27', 5706494, 'Midwest'],
	['MS', 'Mississippi', '28', 2961279, 'South'],
	['MO', 'Missouri', '29', 6154913, 'Midwest'],
	['MT', 'Montana', '30', 1084225, 'West'],
	['NE', 'Nebraska', '31', 1961504, 'Midwest'],
	['NV', 'Nevada', '32', 3104614, 'West'],
	['NH', 'New Hampshire', '33', 1377529, 'Northeast'],
	['NJ', 'New Jersey', '34', 9288994, 'Northeast'],
	['NM', 'New Mexico', '35', 2117522, 'West'],
	['NY', 'New York', '36', 20201249, 'Northeast'],
	['NC', 'North Carolina', '37', 10439388, 'South'],
	['ND', 'North Dakota', '38', 779094, 'Midwest'],
	['OH', 'Ohio', '39', 11799448, 'Midwest'],
	['OK', 'Oklahoma', '40', 3959353, 'South'],
	['OR', 'Oregon', '41', 4237256, 'West'],
	['PA', 'Pennsylvania', '42', 13002700, 'Northeast'],
	['RI', 'Rhode Island', '44', 1097379, 'Northeast'],
	['SC', 'South Carolina', '45', 5118425, 'South'],
	['SD', 'South Dakota', '46', 886667, 'Midwest'],
	['TN', 'Tennessee', '47', 6910840, 'South'],
	['TX', 'Texas', '48', 29145505, 'South'],
	['UT', 'Utah', '49', 3271616, 'West'],
	['VT', 'Vermont', '50', 643077, 'Northeast'],
	['VA', 'Virginia', '51', 8631393, 'South'],
	['WA', 'Washington', '53', 7705281, 'West'],
	['WV', 'West Virginia', '54', 1793716, 'South'],
	['WI', 'Wisconsin', '55', 5893718, 'Midwest'],
	['WY', 'Wyoming', '56', 576851, 'West'],
	['AS', 'American Samoa', '60', 49710, 'Territories'],
	['GU', 'Guam', '66', 153836, 'Territories'],
	['MP', 'Northern Mariana Islands', '69', 47329, 'Territories'],
	['PR', 'Puerto Rico', '72', 3285874, 'Territories'],
	['VI', 'U.S. Virgin Islands', '78', 87146, 'Territories']
];

export const STATES: readonly StateRow[] = rows.map(([code, name, fips, population, region]) => ({
	code,
	name,
	fips,
	population,
	region
}));

export const STATE_BY_CODE = new Map(STATES.map((s) => [s.code, s]));
export const STATE_BY_FIPS = new Map(STATES.map((s) => [s.fips, s]));
