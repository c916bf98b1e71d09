import type { RequestHandler } from './$types';
import { memberStream } from '$lib/server/live/member-stream';

export const GET: RequestHandler = (event) => memberStream(event);
