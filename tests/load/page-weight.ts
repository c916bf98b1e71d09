// The JavaScript a phone downloads for a page, gzipped as it travels: the scripts the page
// preloads or imports, and every module they import statically (lazy chunks, such as the charts
// loaded once results are revealed, are not counted).
import { gzipSync } from 'node:zlib';
import type { Client } from '../support/http-client';

export interface PageWeight {
	files: number;
	rawKb: number;
	gzipKb: number;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Sums the sizes of the scripts the page at path runs before anything is clicked. */
export async function pageScripts(client: Client, path: string): Promise<PageWeight> {
	const page = new URL(path, client.baseUrl);
	const response = await client.get(path);
	const html = response.body;
	// Kit's start script names the layout and page nodes it hydrates, and its client also loads the
	// root error page (node 1) at start. With the router resolved on the server, the start script
	// gives each node's import itself (`'33': () => import('…')`); otherwise the app entry does.
	const nodeIds = [
		'1',
		...(/node_ids: \[([\d, ]*)\]/
			.exec(html)?.[1]
			?.split(',')
			.map((id) => id.trim()) ?? [])
	];
	const linkHeader = [response.headers.link ?? ''].flat().join(',');
	const queue = [
		...[...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)].map((tag) => /href="([^"]+)"/.exec(tag[0])?.[1]),
		...[...linkHeader.matchAll(/<([^>]+\.js)>;\s*rel="modulepreload"/g)].map((match) => match[1]),
		...[...html.matchAll(/import\((["'])([^"']+\.js)\1\)/g)]
			.filter((match) => {
				const node = /\/nodes\/(\d+)\./.exec(match[2]!)?.[1];
				return node === undefined || nodeIds.includes(node);
			})
			.map((match) => match[2])
	]
		.filter((href): href is string => Boolean(href))
		.map((href) => new URL(href, page).href);
	const sizes = new Map<string, { raw: number; gzip: number }>();
	while (queue.length > 0) {
		const url = queue.pop()!;
		if (sizes.has(url)) continue;
		const response = await client.get(url);
		if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
		const bytes = Buffer.from(response.body, 'utf8');
		sizes.set(url, { raw: bytes.length, gzip: gzipSync(bytes).length });
		for (const [, imported] of response.body.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
			queue.push(new URL(imported!, url).href);
		}
		for (const [, node, id] of response.body.matchAll(/"(\.\.\/nodes\/(\d+)\.[\w-]+\.js)"/g)) {
			if (nodeIds.includes(id!)) queue.push(new URL(node!, url).href);
		}
	}
	const total = (pick: (s: { raw: number; gzip: number }) => number) =>
		[...sizes.values()].reduce((sum, s) => sum + pick(s), 0);
	return { files: sizes.size, rawKb: kb(total((s) => s.raw)), gzipKb: kb(total((s) => s.gzip)) };
}
