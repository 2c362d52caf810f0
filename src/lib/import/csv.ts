/**
 * A strict RFC 4180 CSV reader that keeps the line number each record starts on, so that every problem can be
 * reported as FILE:LINE. It takes bytes, not text, because a file that is not UTF-8 must be refused by line
 * rather than silently decoded with replacement characters.
 */

export interface CsvRecord {
	/** 1-based line on which the record starts in the file. */
	line: number;
	fields: string[];
}

export interface CsvProblem {
	line: number;
	column: string;
	message: string;
}

export type CsvResult =
	| { ok: true; header: string[]; records: CsvRecord[] }
	| { ok: false; problems: CsvProblem[] };

const BOM = '\uFEFF';

/** Decode UTF-8 strictly; on failure name the line of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: CsvProblem } {
	try {
		return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		// Find the first byte sequence that is not valid UTF-8 to report its line.
		let line = 1;
		for (let i = 0; i < bytes.length; ) {
			const b = bytes[i];
			if (b === 0x0a) line++;
			const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
			let ok = len > 0 && i + len <= bytes.length;
			for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
			if (ok && len > 1) {
				try {
					new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
				} catch {
					ok = false;
				}
			}
			if (!ok) {
				const hex = bytes[i].toString(16).padStart(2, '0');
				return {
					ok: false,
					problem: { line, column: 'file', message: `not valid UTF-8 (byte 0x${hex}); save the file as UTF-8` }
				};
			}
			i += len;
		}
		return { ok: false, problem: { line: 1, column: 'file', message: 'not valid UTF-8; save the file as UTF-8' } };
	}
}

/** Split CSV text into records. Accepts a BOM and CRLF or LF line ends; skips blank lines. */
export function parseCsv(input: string): CsvResult {
	const text = input.startsWith(BOM) ? input.slice(1) : input;
	if (text.trim() === '') {
		return { ok: false, problems: [{ line: 1, column: 'file', message: 'the file is empty; expected a header row' }] };
	}
	const records: CsvRecord[] = [];
	const problems: CsvProblem[] = [];
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let i = 0;
	let quoted = false;
	let quoteStartLine = 0;
	let fieldStarted = false;

	const endRecord = () => {
		fields.push(field);
		// A record that is a single empty field is a blank line: skip it.
		if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) records.push({ line: recordLine, fields });
		fields = [];
		field = '';
		fieldStarted = false;
	};

	while (i < text.length) {
		const c = text[i];
		if (quoted) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				quoted = false;
				i++;
				const next = text[i];
				if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
					problems.push({ line, column: 'csv', message: 'unexpected text after a closing quote; double a quote inside a quoted field ("")' });
					// Skip to the end of this record to resynchronise.
					while (i < text.length && text[i] !== '\n') i++;
				}
				continue;
			}
			if (c === '\n') line++;
			field += c;
			i++;
			continue;
		}
		if (c === '"') {
			if (field !== '') {
				problems.push({ line, column: 'csv', message: 'a quote inside an unquoted field; quote the whole field and double the quote' });
			}
			quoted = true;
			fieldStarted = true;
			quoteStartLine = line;
			i++;
			continue;
		}
		if (c === ',') {
			fields.push(field);
			field = '';
			fieldStarted = true;
			i++;
			continue;
		}
		if (c === '\r' && text[i + 1] === '\n') {
			i++;
			continue;
		}
		if (c === '\n' || c === '\r') {
			endRecord();
			line++;
			recordLine = line;
			i++;
			continue;
		}
		field += c;
		fieldStarted = true;
		i++;
	}
	if (quoted) {
		problems.push({ line: quoteStartLine, column: 'csv', message: 'unclosed quote: a quoted field starts here and never ends' });
	} else if (fieldStarted || field !== '' || fields.length > 0) {
		endRecord();
	}
	if (problems.length > 0) return { ok: false, problems };
	const [head, ...rest] = records;
	const header = head.fields.map((h) => h.trim());
	for (const r of rest) {
		if (r.fields.length !== header.length) {
			problems.push({
				line: r.line,
				column: 'csv',
				message: `the row has ${r.fields.length} fields but the header has ${header.length}`
			});
		}
	}
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, header, records: rest };
}

/** Quote a value for CSV output when it needs it. */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const s = String(value);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
