import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/server/exports/csv';
import { safeRedirect } from '../../src/lib/server/redirect';

/** Splits a CSV document into rows of fields, as a spreadsheet reads it (RFC 4180). */
function parseCsv(csv: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const text = csv.replace(/^\uFEFF/, '');
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted && c === '"' && text[i + 1] === '"') {
			field += '"';
			i++;
		} else if (quoted && c === '"') quoted = false;
		else if (quoted || (c !== '"' && c !== ',' && c !== '\r')) field += c;
		else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		}
	}
	return rows;
}

describe('CSV cells', () => {
	const dangerous = [
		'=HYPERLINK("http://evil.example","clic")',
		'+1+cmd|" /C calc"!A0',
		'-2+3',
		'@SUM(A1:A2)',
		'\t=1+1',
		'\r=1+1',
		'=1,2\n"trois"'
	];

	it('starts no cell with a formula character, and keeps commas, quotes and line breaks intact', () => {
		const csv = toCsv(
			['title', 'n'],
			[...dangerous.map((text) => [text, -1]), ['Revue, « trimestrielle »\n2e partie', 3]]
		);
		const rows = parseCsv(csv);
		expect(rows[0]).toEqual(['title', 'n']);
		for (const [i, text] of dangerous.entries()) {
			expect(rows[i + 1]).toEqual([`'${text}`, '-1']);
		}
		expect(rows.at(-1)).toEqual(['Revue, « trimestrielle »\n2e partie', '3']);
		for (const row of rows) for (const cell of row) if (cell !== '-1') expect(cell).not.toMatch(/^[=+\-@\t\r]/);
	});
});

describe('redirects back into the app', () => {
	it('keeps same-site paths and refuses anything a browser could take elsewhere', () => {
		expect(safeRedirect('/groups/3?tab=history#top')).toBe('/groups/3?tab=history#top');
		for (const target of [
			'/\t/evil.example/',
			'/\n/x',
			'/\r/x',
			'//evil.example',
			'/\\evil.example',
			'/\u0000/x',
			'https://evil.example',
			'evil',
			'',
			null,
			3
		]) {
			expect(safeRedirect(target, '/home')).toBe('/home');
		}
	});
});
