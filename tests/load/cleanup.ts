// What the benchmark must undo however it ends: child servers and temporary databases.
import { removeDatabase, startServer, tempDatabasePath, type AppServer } from '../support/app-server';

const pending = new Set<() => Promise<void> | void>();

/** Registers an undo step; returns the function that runs it once and forgets it. */
export function onCleanup(step: () => Promise<void> | void): () => Promise<void> {
	pending.add(step);
	return async () => {
		if (!pending.delete(step)) return;
		await step();
	};
}

/** Runs every step still registered (after a failure, a signal or the watchdog). */
export async function cleanUpAll(): Promise<void> {
	const steps = [...pending];
	pending.clear();
	await Promise.allSettled(steps.map(async (step) => step()));
}

/** Cleans up and exits on Ctrl-C, on SIGTERM, and when the whole run outlasts its limit. */
export function guardProcess(limitMs: number): () => void {
	const stop = (code: number, why: string) => {
		console.error(why);
		void cleanUpAll().finally(() => process.exit(code));
	};
	const onSignal = (signal: NodeJS.Signals) => stop(130, `Stopped by ${signal}; cleaning up.`);
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const watchdog = setTimeout(() => stop(1, `The benchmark ran over ${limitMs / 60_000} minutes; stopped.`), limitMs);
	watchdog.unref();
	return () => {
		clearTimeout(watchdog);
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	};
}

/** Starts the app on a fresh database; stop() ends it and deletes the database, as a cleanup would. */
export async function startBenchServer(label: string): Promise<{ server: AppServer; stop: () => Promise<void> }> {
	// Registered before the start, so that a run stopped while the app starts leaves no file.
	const databasePath = tempDatabasePath(label);
	const forget = onCleanup(() => removeDatabase(databasePath));
	const server = await startServer({ databasePath });
	const stop = onCleanup(async () => {
		await server.stop();
		await forget();
	});
	return { server, stop };
}
