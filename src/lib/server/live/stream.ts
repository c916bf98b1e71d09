import { hub, type LiveEvent } from './hub';

export const heartbeatMs = 15_000;

const encoder = new TextEncoder();
// The hub hands the same event to every stream of a session: encode it once, not once per phone.
const encoded = new WeakMap<LiveEvent, Uint8Array>();

function encode(event: LiveEvent): Uint8Array {
	let bytes = encoded.get(event);
	if (!bytes) {
		bytes = encoder.encode(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
		encoded.set(event, bytes);
	}
	return bytes;
}

export interface StreamOptions {
	/** Whether to send the live counts, which only the projector and the control view show. */
	counts?: boolean;
	/** Asked before each event and heartbeat: once false (signed out, removed), the stream ends. */
	allowed?: () => boolean;
	/** Called once when the stream ends, however it ends. */
	onClose?: () => void;
}

/**
 * A Server-Sent Events response for one session. It opens with the current version (so a client
 * that missed events reloads), forwards the hub's events, and sends a comment every 15 s so that
 * proxies and phones keep the connection.
 */
export function liveStream(
	sessionId: number,
	currentVersion: number,
	signal: AbortSignal,
	{ counts = true, allowed = () => true, onClose = () => {} }: StreamOptions = {}
): Response {
	let cleanup = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			const end = () => {
				cleanup();
				try {
					controller.close();
				} catch {
					// Already closed by the client.
				}
			};
			const send = (event: LiveEvent) => {
				if (event.type === 'counts' && !counts) return;
				if (!allowed()) return end();
				try {
					controller.enqueue(encode(event));
				} catch {
					cleanup();
				}
			};
			// Phones reconnect within a second after a blip.
			controller.enqueue(encoder.encode('retry: 1000\n\n'));
			send({ type: 'state', version: currentVersion });
			const unsubscribe = hub().subscribe(sessionId, send);
			const heartbeat = setInterval(() => {
				if (!allowed()) return end();
				try {
					controller.enqueue(encoder.encode(': heartbeat\n\n'));
				} catch {
					cleanup();
				}
			}, heartbeatMs);
			let ended = false;
			cleanup = () => {
				if (ended) return;
				ended = true;
				clearInterval(heartbeat);
				unsubscribe();
				onClose();
			};
			signal.addEventListener('abort', end);
			if (signal.aborted) end();
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
