// What tells a stall's place: a server that stops answering everyone (its event loop held), or a
// load generator too starved to read the answers it got. While the phones answer, a probe asks the
// server's /healthz every half second on a fresh connection, and the generator's own event-loop
// delay is sampled.
import { request } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface StallProbe {
	/** The slowest /healthz, ms (60 s when it got no answer). */
	serverWorstMs: number;
	/** When (performance.now()) that slowest probe was sent. */
	serverWorstAt: number;
	/** Probes slower than a second. */
	serverSlow: number;
	/** The load generator's longest event-loop delay, ms. */
	generatorWorstLagMs: number;
}

function probe(url: string): Promise<number> {
	const started = performance.now();
	return new Promise((resolve) => {
		const req = request(`${url}/healthz`, { agent: false }, (res) => {
			res.resume();
			res.on('end', () => resolve(performance.now() - started));
		});
		req.setTimeout(60_000, () => req.destroy());
		req.on('error', () => resolve(60_000));
		req.end();
	});
}

/** Starts probing; the function it gives stops and returns what was seen. */
export function startStallProbe(url: string): () => StallProbe {
	const lag = monitorEventLoopDelay({ resolution: 20 });
	lag.enable();
	const result = { serverWorstMs: 0, serverWorstAt: 0, serverSlow: 0, generatorWorstLagMs: 0 };
	const timer = setInterval(() => {
		const at = performance.now();
		void probe(url).then((ms) => {
			if (ms > 1000) result.serverSlow++;
			if (ms > result.serverWorstMs) Object.assign(result, { serverWorstMs: ms, serverWorstAt: at });
		});
	}, 500);
	return () => {
		clearInterval(timer);
		lag.disable();
		return { ...result, generatorWorstLagMs: lag.max / 1e6 };
	};
}
