import { hub, type LiveEvent } from './hub';

export const heartbeatMs = 15_000;

/**
 * A Server-Sent Events response for one session. It opens with the current version (so a client
 * that missed events reloads), forwards the hub's events, and sends a comment every 15 s so that
 * proxies and phones keep the connection.
 */
export function liveStream(sessionId: number, currentVersion: number, signal: AbortSignal): Response {
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (event: LiveEvent) => {
				try {
					controller.enqueue(encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
				} catch {
					cleanup();
				}
			};
			// Phones reconnect within a second after a blip.
			controller.enqueue(encoder.encode('retry: 1000\n\n'));
			send({ type: 'state', version: currentVersion });
			const unsubscribe = hub().subscribe(sessionId, send);
			const heartbeat = setInterval(() => {
				try {
					controller.enqueue(encoder.encode(': heartbeat\n\n'));
				} catch {
					cleanup();
				}
			}, heartbeatMs);
			cleanup = () => {
				clearInterval(heartbeat);
				unsubscribe();
			};
			signal.addEventListener('abort', () => {
				cleanup();
				try {
					controller.close();
				} catch {
					// Already closed by the client.
				}
			});
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(body, {
		headers: {
			'Content-Type': 'text/event-stream; charset=utf-8',
			'Cache-Control': 'no-cache, no-transform',
			Connection: 'keep-alive',
			'X-Accel-Buffering': 'no'
		}
	});
}
