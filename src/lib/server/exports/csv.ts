// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a
// formula: a text from a person is prefixed with an apostrophe, which spreadsheets show as text.
// Numbers are the app's own figures and are written as they are.
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV field: neutralised when a text could be read as a formula, quoted when it holds a separator, a quote or a line break. */
function field(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
	return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document (comma-separated, CRLF line ends, UTF-8 with BOM so spreadsheets read accents). */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
	const lines = [header, ...rows].map((row) => row.map(field).join(','));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The HTTP response for a CSV download. */
export function csvResponse(csv: string, filename: string): Response {
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="${filename}"`,
			'Cache-Control': 'no-store'
		}
	});
}
