// BENCHMARKS.md from the figures: what was measured, against which targets, on which machine.
import { phoneReloadSpreadMs } from '../../src/lib/live/reload-spread';
import type { Figures } from './summary';

export interface Context {
	command: string;
	date: string;
	durationS: number;
	machine: { cores: number; cpu: string; memoryGb: number; node: string; os: string; openFilesLimit: string };
	note: string;
}

const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const ms = (value: number) => (Number.isFinite(value) ? `${value} ms` : 'not within 30 s');
const statuses = (errors: Record<string, number>) =>
	Object.keys(errors).length
		? Object.entries(errors)
				.map(([status, n]) => `${n} × ${status}`)
				.join(', ')
		: 'none';

// What the first runs found, single runs of 1,000 phones on a busy machine (before → after).
const changes = `## What the benchmark changed in the app

- **Live counts in one indexed pass** (migration 004, \`countQuestionnaire\`): the two counts
  queries grouped 24,000 answers through a temporary sort, about 60 ms each, four times a second,
  blocking every answer meanwhile; now about 4 ms together.
- **Phones' streams carry no counts events** (only the projector and control view show them), and
  each event is encoded once for all streams: 4,000 writes a second fewer at 1,000 phones; a stage
  change reached 5,000 streams in 570 → 186 ms.
- **The plan is read once per state version, and settled sessions are finalized only when one is
  met**, instead of two more queries on every phone request.
- **A listen backlog of 4096** (src/cli/start.js): with Node's 511, a room reconnecting at once
  overflowed the accept queue, and dropped phones retried after 1, 3, 7… s; that was the
  30-second timeouts and the 12-second tails (flat-out p99 12.5 s → 1.2 s, no errors left).
- **Results aggregated once while no answer changes**: at the reveal every phone re-aggregated
  every answer; all 1,000 phones had not reloaded within 30 s, then did in under a second.
- **Phones spread their reloads** over 1.5 s after a state change: a thousand reloads at once held
  up the answers arriving meanwhile (paced p95 between 26 and 102 ms from run to run, p99 over
  0.5 s); now p95 26 ms and p99 49 ms in every run, and a state change's event reaches every phone
  in under 30 ms instead of 100.

- **The answer path, lean** (issue 14): phones send their answers as JSON to \`/j/CODE/answers\`
  (src/lib/server/sessions/answer-endpoint.ts), taken under \`npm start\` straight from Node's
  request before SvelteKit, and by the first server hook otherwise, so without paraglide's copy of
  the request, the login cookie, the page action's form parsing and its serialized result; a
  phone's queued answers go in one request; token hashes by \`node:crypto\`. Measured with
  tests/load/profile.ts (the flat-out pass of 300 phones under the CPU profiler, projector and
  control view open): 957 → 2,883 answers/s and 0.714 → 0.381 ms of server CPU per answer. In
  two 300-phone runs minutes apart on a busy machine (load average 7 to 10), the form action
  (\`--via action\`, how phones sent answers before) against the endpoint: 1.325 → 0.306 ms of server
  CPU per answer (the baseline's: 0.15 and 0.13), 443 → 814 answers/s, ratio 0.22 → 0.35; the
  final 300-phone run (load average 9): 0.389 ms per answer (baseline 0.192), ratio 0.44, and the
  participant page's scripts 49.9 → 49.8 KB gzipped.
  Where the time went before, by the profile: SvelteKit's request and response objects (undici,
  web streams, abort signals), paraglide's cloned request, the action's form data and
  serialization, and the garbage they left (9 % of samples); after, the SQLite statements lead.
  The form without JavaScript still posts to the page's action.
- **Before and after the answer path, whole room, quiet machine**: \`npm run bench\` on the
  commit before issue 14 (65f069e, 2026-11-30 04:38 UTC): ratio to the baseline 0.16 (961 vs 6,079
  answers/s flat out), paced p95 52.2 ms and p99 1,667 ms, flat-out p99 18 s; after: the tables
  above, on the same machine.
- **Routes resolved by the server** (\`kit.router.resolution\`): pages no longer carry the list of
  every route, which the pact's and the preparing guide's pages had grown; the participant page's
  scripts went from 51.9 to the figure above (the app entry from 3.7 to 1.4 KB gzipped). A page
  first visited by a click asks the server for its route once.
- **The newest send wins** (migration 008): each answer carries the phone's own sequence (its
  clock, never going back), and an older send that a buffering proxy delivers late is acknowledged
  and ignored (tests/system/newest-answer.test.ts).

The first run (paced p95 4.8 s, 35 errors, 596 answers/s flat out) was taken on a far busier
machine than the later ones, so read before → after as orders of magnitude. The baseline ratio is
noisy (0.07 to 0.19 between single runs): the bare baseline swings with the machine's load, from
3,400 to 17,600 answers/s, far more than the app does.

**Left open:** the participant page's JavaScript misses DESIGN's 40 KB. Svelte's runtime (19 KB
gzipped) and SvelteKit's client (13.5 KB, with its entry) weigh about 34 KB before any code of
the page; the page, its activities, the answer queue and the messages (both languages) are the rest. The
page still paints from its server-rendered HTML, so the scripts do not delay what a phone first
shows, and it works without them. Reaching 40 KB would mean serving this page without SvelteKit's
client (a small script of its own for the live stream and the answer queue): a product choice,
not made here.

**Stalls on a busy machine** (\`--noisy\`, issue 14). What they are: the server itself stops
answering, not the network or the load generator. A stall probe (tests/load/stall-probe.ts) asks
\`/healthz\` on a fresh connection every half second while the phones answer, and samples the
generator's own event-loop delay. In a 200-phone \`--noisy\` run on a machine already busy with
other builds (load average 23 median, 29 at most, on 2 cores), the server left a health check
unanswered for 60 s and 269 checks took over a second, while the generator never lagged more than
4.4 s; 421 answers got no response within 30 s and 75 connections were reset, all in the paced
pass, with p95 31 s and the worst answer 36 s (without noise, 300 phones at load 2.5: worst 503 ms
paced, 4.3 s flat out, none without a response). The cause is overload: when other processes take
most of the two cores, the server's share falls below what the room asks of it (the phones'
reloads at each state change above all, a few milliseconds each), requests queue, and each waits
behind the others. The 30-second give-up makes it worse: the server still works through the
abandoned request (which is why every one was found stored), and the resend three seconds later
joins the queue again. Done about it: an answer costs the server a quarter of the CPU it did
(above), and an answer whose phone closed the connection while it waited is dropped before any
work. Measured again on a quieter machine, 1,000 phones with \`--noisy\` (load average 7.1
median, a test run alongside): 19 answers without a response within 30 s (all stored, acknowledged
on resend), worst answer 25 s paced and 31 s flat out, a health check unanswered for 39 s while
the generator never lagged more than 1 s; without noise (the tables above) none. So the stalls are
fewer and shorter, not gone. Left open: the page reloads still cost what they did, and nothing in the app can take CPU
back from other processes; on a shared laptop, run the app at a higher priority than the rest
(\`nice\`, or \`CPUWeight=\` in a systemd unit), or close the builds during a session.
`;

/** What the whole benchmark adds to the figures: how it ran. */
export interface RunMode {
	noisy: boolean;
	via: string;
	loadAverage: { median: number; max: number };
}

/** The Markdown report. */
export function markdown(f: Figures & RunMode, c: Context): string {
	const fiveXx = Object.entries(f.errors).filter(([status]) => /^5/.test(status));
	const s = f.streams;
	const targets: [string, string | number, boolean][] = [
		[
			'no answer lost (every acknowledged one stored)',
			`${f.acknowledged} acknowledged, ${f.stored} stored`,
			f.stored >= f.acknowledged
		],
		['no 5xx', statuses(f.errors), fiveXx.length === 0],
		['p95 answer latency < 50 ms', ms(f.latencyMs.p95), f.latencyMs.p95 < 50],
		['throughput flat out ≥ 0.5 of the baseline in the same run', String(f.baselineRatio), f.baselineRatio >= 0.5],
		[
			'server CPU per acknowledged answer flat out ≤ 0.5 ms',
			`${f.serverCpuMsPerAnswer} ms`,
			f.serverCpuMsPerAnswer <= 0.5
		],
		['no answer without a response within 30 s', `${f.stalls}`, f.stalls === 0],
		['projector counts lag < 500 ms', ms(f.projectorLagMs), f.projectorLagMs < 500],
		[
			'participant page JavaScript before reveal < 40 KB gzipped',
			`${f.participantPageJs.gzipKb} KB in ${f.participantPageJs.files} files (${f.participantPageJs.rawKb} KB unzipped)`,
			f.participantPageJs.gzipKb < 40
		],
		['participant page LCP on slow 3G < 2 s', ms(f.participantLcpMs), f.participantLcpMs < 2000]
	];
	if (s) targets.push([`${s.count} streams < 500 MB resident`, `${s.peakRssMb} MB`, s.peakRssMb < 500]);
	return `# Benchmarks

Measured by \`npm run bench\` (tests/load/). It builds nothing itself: it starts the built app
(\`node src/cli/start.js\`, which rebuilds a stale build first) on a temporary SQLite database and
drives it over HTTP on 127.0.0.1 like real phones. Figures are medians over ${f.runs} runs unless
said otherwise; ${c.note}${
		f.noisy
			? ` With \`--noisy\`: ${2 * c.machine.cores} busy processes loaded the cores as a build would (tests/load/noise.ts), one-minute load average ${f.loadAverage.median} (median), ${f.loadAverage.max} at most.`
			: ` One-minute load average ${f.loadAverage.median} (median), ${f.loadAverage.max} at most.`
	}${f.via === 'action' ? ' Answers sent to the page’s form action (`--via action`), as phones did before the answers endpoint.' : ''}

- **Command:** \`${c.command}\` (took ${c.durationS} s)
- **Machine:** ${c.machine.cores} cores (${c.machine.cpu}), ${c.machine.memoryGb} GB, Node ${c.machine.node}, ${c.machine.os}, \`ulimit -n\` ${c.machine.openFilesLimit}
- **Date:** ${c.date}

## Targets (DESIGN.md)

| target | measured | |
|---|---|---|
${targets.map(([what, value, met]) => `| ${what} | ${value} | ${verdict(met)} |`).join('\n')}

## A room of ${f.participants} phones

Each run: the facilitator sets up a group and a session through the app's forms; the projector
and the control view follow the session's stream and reload their data on every counts event, as
their pages do;
${f.participants} phones join by code and keep their live stream open, reloading their page data on each
state change after a random wait of up to ${phoneReloadSpreadMs / 1000} s, as the participant page does to spread a room's reloads; the facilitator moves to the questionnaire (stage 6). Every phone then answers its
24 items (12 principles × nous, dans), pausing 1 to 3 s before each: ${f.participants * 24} answers in
about 50 s, some 2.4 times the pace of the quality bar (24,000 within two minutes). Meanwhile the
facilitator starts a countdown and stops it, so every phone reloads twice while answering. A send
that fails on the network, times out (30 s) or gets a 5xx is sent again after 3 s, as the phone's
answer queue does, and counted as an error. Then every phone answers all 24 again with no pause,
which measures throughput. Last, the facilitator closes the questionnaire, moves to stage 7 and
reveals the results, which every phone reloads.

The participant page is weighed once its phone has joined, before the reveal: every script it
runs (the page's, its layouts', SvelteKit's and Svelte's), gzipped, without the charts, which load
only with the results. Its largest contentful paint is the median of three cold loads per run in
Chromium on a 390×844 viewport, the network throttled to WebPageTest's slow-3G profile (400 ms
round trip, 400 kbit/s each way).

| figure | value |
|---|---|
| answers acknowledged / found in the database | ${f.acknowledged} / ${f.stored} |
| answer latency at a person's pace, p50 / p95 / p99 | ${f.latencyMs.p50} / ${f.latencyMs.p95} / ${f.latencyMs.p99} ms |
| p95 of the answers sent while no state change was reaching the phones | ${f.quietLatencyP95Ms} ms |
| answers per second at that pace | ${f.pacedAnswersPerSecond} |
| errors (all runs, both passes) | ${statuses(f.errors)} |
| projector lag, last answer → counts event showing everyone done | ${ms(f.projectorLagMs)} |
| throughput flat out (answers acknowledged per second) | ${f.answersPerSecond} |
| answer latency flat out, p50 / p95 / p99 | ${f.flatOutLatencyMs.p50} / ${f.flatOutLatencyMs.p95} / ${f.flatOutLatencyMs.p99} ms |
| baseline flat out (bare node:http + the same upsert) | ${f.baselineAnswersPerSecond} answers/s |
| **Entre-deux / baseline** | **${f.baselineRatio}** |
| server CPU per acknowledged answer flat out (\`serverCpuMsPerAnswer\`) / the baseline's | ${f.serverCpuMsPerAnswer} / ${f.baselineCpuMsPerAnswer} ms |
| worst answer latency, at a person's pace / flat out | ${f.worstLatencyMs.paced} / ${f.worstLatencyMs.flatOut} ms |
| state change → event on half / all phones | ${f.stageChangeMs.eventMedian} / ${f.stageChangeMs.eventAll} ms |
| state change → all ${f.participants} phones reloaded their data (median; worst) | ${ms(f.stageChangeMs.reloadAll)}; ${ms(f.stageChangeMs.worstReloadAll)} |
| results revealed (stage 7) → all ${f.participants} phones reloaded them | ${ms(f.revealReloadAllMs)} |
| server resident memory at peak (highest run) | ${f.peakRssMb} MB |

Per run: ${f.perRun.map((r) => `${r.answersPerSecond} vs ${r.baselineAnswersPerSecond} answers/s, ${r.serverCpuMsPerAnswer} ms CPU per answer, p95 ${r.latencyP95Ms} ms, lag ${r.projectorLagMs} ms, ${r.peakRssMb} MB`).join('; ')}.
State changes timed: ${f.stageChangeMs.changes} (5 moves, opening the questionnaire, the countdown started and stopped while people answer, closing it, moving on), ${f.stageChangeMs.missed} events missed.

**The baseline** (tests/load/baseline-server.js) is a minimal \`node:http\` server that does what
an answer needs and nothing else: find the participant by the hash of its cookie token, validate
the fields, upsert into the same \`answers\` table with the same pragmas. It runs in its own child
process, against the same load generator, in the same run, so it shares the two cores with the
generator exactly as the app does; its phones keep no stream open. The ratio is Entre-deux's
flat-out throughput (with the room's streams and projector running) over the baseline's. The CPU
per answer is the server process's user + system time from \`/proc/<pid>/stat\` over the flat-out
pass (streams, projector and control view included), divided by the answers acknowledged.

${
	s
		? `## ${s.count} live streams on one session

${s.opened} of ${s.count} streams opened on \`/j/CODE/events\` (as the participant page opens them).

| figure | value |
|---|---|
| resident memory, idle / with every stream open / peak | ${s.idleRssMb} / ${s.rssMb} / ${s.peakRssMb} MB |
| stage change → event on half / all streams (median of 5) | ${s.stageChangeMedianMs} / ${s.stageChangeAllMs} ms |
| events missed | ${s.missed} |

Each stream is a socket on both sides: the server needs one file descriptor per stream and the
load generator another, so this scenario needs \`ulimit -n\` above ${s.count} plus a margin for
each process (a few hundred); both are children of the same shell, with ${c.machine.openFilesLimit} here.
Raise it with \`ulimit -n 20000\` before \`npm run bench\` if yours is lower (1024 is a common default).
`
		: ''
}
${changes}`;
}
