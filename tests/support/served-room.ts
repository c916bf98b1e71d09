import { afterAll, beforeAll } from 'vitest';
import { removeDatabase, startServer, type AppServer } from './app-server';
import { openRoom, type Room } from './room';

/** Starts the app with an open room before a test file's tests, and stops it after them. */
export function serveRoom(): { readonly server: AppServer; readonly room: Room } {
	const served = {} as { server: AppServer; room: Room };
	beforeAll(async () => {
		served.server = await startServer();
		served.room = await openRoom(served.server.url);
	});
	afterAll(async () => {
		await served.server?.stop();
		if (served.server) removeDatabase(served.server.databasePath);
	});
	return served;
}
