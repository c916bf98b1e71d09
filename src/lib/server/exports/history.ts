import type { Framework } from '$lib/framework/types';
import { publishedHistory } from '$lib/server/sessions/results';
import { toCsv } from './csv';

/**
 * A group's history as CSV: one row per closed session × level × principle, from snapshots, with
 * the figures as every screen publishes them.
 */
export function groupHistoryCsv(groupId: number, framework: Framework): string {
	const rows = publishedHistory(groupId).flatMap((entry) =>
		framework.levels.flatMap((level) =>
			framework.principles.map((principle) => {
				const cell = entry.cells[level.id]?.[principle.id];
				const shown = cell?.shown ? cell : null;
				return [
					entry.heldOn,
					entry.title,
					entry.instrumentVersion,
					entry.participantCount,
					level.id,
					principle.id,
					cell?.n ?? 0,
					shown ? shown.meanMaturity : null,
					shown ? shown.sdMaturity : null,
					shown ? shown.meanLeaning : null,
					...(shown?.distribution ?? [null, null, null, null, null])
				];
			})
		)
	);
	return toCsv(
		[
			'session_date',
			'session_title',
			'instrument_version',
			'participants',
			'level',
			'principle',
			'n',
			'mean_maturity',
			'sd_maturity',
			'mean_leaning',
			'band_0_20',
			'band_20_40',
			'band_40_60',
			'band_60_80',
			'band_80_100'
		],
		rows
	);
}
