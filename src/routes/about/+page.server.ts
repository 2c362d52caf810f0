import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { coverage } from '$lib/server/queries/coverage';
import { floors } from '$lib/server/queries/floors';

export const load: PageServerLoad = () => {
	const { db, version, builtAt } = atlas();
	return { coverage: coverage(db), floors: floors(db), version, builtAt };
};
