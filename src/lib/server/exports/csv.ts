/** One CSV field: quoted when it holds a separator, a quote or a line break. */
function field(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
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
