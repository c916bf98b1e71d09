import type { RequestHandler } from './$types';
import { phoneStream } from '$lib/server/live/phone-stream';
import { sessionByCode } from '$lib/server/sessions/code-access';

export const GET: RequestHandler = (event) => phoneStream(sessionByCode(event), event);
