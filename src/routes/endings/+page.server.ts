import type { PageServerLoad } from './$types';
import { atlas } from '$lib/server/db';
import { endingsPage } from '$lib/server/queries/endings';

// A read-only list with nothing to interact with: sending it as plain HTML halves the page (no serialised data,
// no hydration script).
export const csr = false;

export const load: PageServerLoad = () => endingsPage(atlas().db);
