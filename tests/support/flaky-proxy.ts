// A reverse proxy in front of the app, as nginx would be: while the app is down it answers
// 502 Bad Gateway, which makes a browser's EventSource give up for good.
import { createServer, request, type Server } from 'node:http';
import { freePort } from './app-server';

export interface Proxy {
	url: string;
	/** The paths it answered with 502, in order. */
	readonly badGateways: string[];
	close(): Promise<void>;
}

/** Starts a proxy to the app at targetPort. */
export async function startProxy(targetPort: number): Promise<Proxy> {
	const port = await freePort();
	const badGateways: string[] = [];
	const server: Server = createServer((incoming, outgoing) => {
		const upstream = request(
			{ host: '127.0.0.1', port: targetPort, path: incoming.url, method: incoming.method, headers: incoming.headers },
			(response) => {
				outgoing.writeHead(response.statusCode ?? 502, response.headers);
				response.pipe(outgoing);
				response.on('close', () => outgoing.destroy());
			}
		);
		upstream.on('error', () => {
			if (outgoing.headersSent) return void outgoing.destroy();
			badGateways.push(incoming.url ?? '');
			outgoing.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
		});
		incoming.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		badGateways,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
