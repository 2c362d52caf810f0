/** Dataset versions: a short content hash, so the same inputs always give the same version (and ETag). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export function hashFiles(paths: string[]): string {
	const h = createHash('sha256');
	for (const p of [...paths].sort()) {
		h.update(basename(p));
		h.update('\0');
		h.update(readFileSync(p));
		h.update('\0');
	}
	return h.digest('hex').slice(0, 12);
}

export function hashText(...parts: string[]): string {
	return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 12);
}
