/**
 * Keeping the explorer's filter form and the URL in step. The form is a plain GET form rendered by the server;
 * in the browser its controls are not driven by Svelte attributes, because (1) a box ticked before the
 * JavaScript arrived would be reset by hydration, and (2) a list option the user touched ignores its
 * `selected` attribute for good, so after Back the old selection would stay and be submitted again.
 * Instead, after every navigation the controls' properties are set from the filters of the URL.
 */
import type { Filters } from '$lib/filters';

const LISTS = ['type', 'issue', 'status', 'kind', 'state', 'census', 'country', 'region'] as const;
type ListParam = (typeof LISTS)[number];
const isList = (name: string): name is ListParam => (LISTS as readonly string[]).includes(name);

/** Set every control of the form to what the filters say. */
export function writeForm(form: HTMLFormElement, f: Filters): void {
	for (const el of Array.from(form.elements)) {
		if (el instanceof HTMLInputElement) {
			if (el.type === 'checkbox' && isList(el.name)) el.checked = (f[el.name] as readonly string[]).includes(el.value);
			else if (el.name === 'q') el.value = f.q;
			else if (el.name === 'from' || el.name === 'to') el.value = f[el.name] === null ? '' : String(f[el.name]);
		} else if (el instanceof HTMLSelectElement && isList(el.name)) {
			const chosen = f[el.name] as readonly string[];
			for (const o of Array.from(el.options)) o.selected = chosen.includes(o.value);
		}
	}
}

/** The boxes and list options that are chosen in the form, by parameter, sorted. */
function choices(form: HTMLFormElement): Record<ListParam, string[]> {
	const out = Object.fromEntries(LISTS.map((k) => [k, [] as string[]])) as Record<ListParam, string[]>;
	for (const el of Array.from(form.elements)) {
		if (el instanceof HTMLInputElement && el.type === 'checkbox' && el.checked && isList(el.name)) out[el.name].push(el.value);
		if (el instanceof HTMLSelectElement && isList(el.name)) for (const o of Array.from(el.selectedOptions)) out[el.name].push(o.value);
	}
	for (const k of LISTS) out[k].sort();
	return out;
}

/** True when a box or list option differs from the filters: the user changed it before the page was ready. */
export function choicesDiffer(form: HTMLFormElement, f: Filters): boolean {
	const mine = choices(form);
	return LISTS.some((k) => mine[k].join('\n') !== [...(f[k] as readonly string[])].sort().join('\n'));
}
