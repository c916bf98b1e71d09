// A phone whose connection dies just after it sent a request: the server gets the whole request,
// the phone never hears back (a wifi blip, a phone going to sleep, a proxy timing out).
import { request } from 'node:http';
import type { Client } from './http-client';

/** Posts form fields to path as `use:enhance` would, and hangs up before any response. */
export function postAndHangUp(phone: Client, path: string, fields: Record<string, string>): Promise<void> {
	const body = new URLSearchParams(fields).toString();
	const headers: Record<string, string> = {
		origin: phone.baseUrl,
		'content-type': 'application/x-www-form-urlencoded',
		'content-length': String(Buffer.byteLength(body)),
		'x-sveltekit-action': 'true',
		accept: 'application/json'
	};
	const cookie = [...phone.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	if (cookie) headers.cookie = cookie;
	return new Promise((resolve, reject) => {
		const req = request(new URL(path, phone.baseUrl), { method: 'POST', headers, agent: false });
		req.on('response', () => reject(new Error('The response came before the phone hung up')));
		req.on('error', () => resolve());
		req.on('close', () => resolve());
		req.end(body, () => req.destroy());
	});
}
