import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { openapi } from '$lib/server/openapi';
import { downloadSizes } from '$lib/server/export/sizes';
import { citation, ATTRIBUTION, LICENCE_URL } from '$lib/server/api';
import { reference } from './reference';

export const load: PageServerLoad = async () => {
	const opened = atlas();
	return {
		version: opened.version,
		builtAt: opened.builtAt,
		licence: opened.licence,
		licenceUrl: LICENCE_URL,
		attribution: ATTRIBUTION,
		citation: citation(opened.version, opened.builtAt),
		sizes: await downloadSizes(opened),
		endpoints: reference(openapi(opened.version))
	};
};
