import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { endingsPage } from '$lib/server/queries/endings';

export const load: PageServerLoad = () => endingsPage(atlas().db);
