// A buffering reverse proxy, as a congested or mobile operator's proxy can be: it holds the
// requests it is told to hold, with their whole body, until released, and only then forwards
// them. So an old send can reach the app after a newer one.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { freePort } from './app-server';

export interface HoldingProxy {
	url: string;
	/** Holds every request from now on, until release(). */
	hold(): void;
	/** How many requests it holds now (their bodies received in full). */
	readonly held: number;
	/** Forwards the held requests, in the order they came, and stops holding; resolves once answered. */
	release(): Promise<void>;
	close(): Promise<void>;
}

/** Starts a proxy to the app at targetPort. */
export async function startHoldingProxy(targetPort: number): Promise<HoldingProxy> {
	const port = await freePort();
	let holding = false;
	const waiting: { forward: () => Promise<void> }[] = [];
	const forwardFrom = (incoming: IncomingMessage, body: Buffer, outgoing: import('node:http').ServerResponse) =>
		new Promise<void>((resolve) => {
			const upstream = request(
				{ host: '127.0.0.1', port: targetPort, path: incoming.url, method: incoming.method, headers: incoming.headers },
				(response) => {
					outgoing.writeHead(response.statusCode ?? 502, response.headers);
					response.pipe(outgoing);
					response.on('end', resolve);
				}
			);
			upstream.on('error', () => {
				outgoing.writeHead(502).end();
				resolve();
			});
			upstream.end(body);
		});
	const server: Server = createServer((incoming, outgoing) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const forward = () => forwardFrom(incoming, Buffer.concat(chunks), outgoing);
			if (holding) waiting.push({ forward });
			else void forward();
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		hold: () => void (holding = true),
		get held() {
			return waiting.length;
		},
		release: async () => {
			holding = false;
			for (const one of waiting.splice(0)) await one.forward();
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
