import type { Framework } from '$lib/framework/types';
import { listGroupHistory } from '$lib/server/db/snapshots';
import { toCsv } from './csv';

const round = (value: number) => Math.round(value * 100) / 100;

/** A group's history as CSV: one row per closed session × level × principle, from snapshots. */
export function groupHistoryCsv(groupId: number, framework: Framework): string {
	const rows = listGroupHistory(groupId).flatMap((entry) =>
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
					shown ? round(shown.meanMaturity) : null,
					shown ? round(shown.sdMaturity) : null,
					shown ? round(shown.meanLeaning) : null,
					...(shown ? shown.distribution : [null, null, null, null, null])
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
