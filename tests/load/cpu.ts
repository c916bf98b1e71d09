// CPU time a process has used so far (user + system), read from /proc/<pid>/stat on Linux: what
// one answer costs the server, measured around the flat-out phase.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** Milliseconds of CPU the process used since it started, or NaN where /proc is not there. */
export function processCpuMs(pid: number | undefined): number {
	if (pid === undefined) return NaN;
	try {
		ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) is in parentheses and may hold spaces: count from after it.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
	} catch {
		return NaN;
	}
}

/** Starts a CPU measurement of a process; the function it gives returns the milliseconds used since. */
export function measureCpu(pid: number | undefined): () => number {
	const before = processCpuMs(pid);
	return () => processCpuMs(pid) - before;
}
