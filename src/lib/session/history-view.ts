import type { Aggregate } from '$lib/scoring/aggregate';
import { publishedMaturity } from '$lib/scoring/disclosure';
import { overallMaturity } from '$lib/scoring/gaps';

export interface HistoryEntryView {
	sessionId: number;
	title: string;
	heldOn: string;
	participantCount: number;
	instrumentVersion: number;
	cells: Record<string, Record<string, Aggregate>>;
}

interface Level {
	id: string;
	label: string;
}
interface Principle {
	id: string;
	title: string;
}
type Color = (levelId: string, index: number) => string;

const round = publishedMaturity;

/** One timeline row per session: overall maturity per level and the data of a small radar. */
export function timelineRows(entries: HistoryEntryView[], levels: Level[], principles: Principle[], color: Color) {
	return entries.map((entry) => ({
		sessionId: entry.sessionId,
		title: entry.title,
		heldOn: entry.heldOn,
		participantCount: entry.participantCount,
		instrumentVersion: entry.instrumentVersion,
		overall: Object.fromEntries(
			levels.map((level) => {
				const value = overallMaturity(entry.cells[level.id] ?? {});
				return [level.id, value === null ? null : round(value)];
			})
		) as Record<string, number | null>,
		radar: {
			labels: principles.map((p) => p.title),
			series: levels.map((level, index) => ({
				label: level.label,
				color: color(level.id, index),
				values: principles.map((p) => {
					const cell = entry.cells[level.id]?.[p.id];
					return cell?.shown ? round(cell.meanMaturity) : null;
				})
			}))
		}
	}));
}

/**
 * One trend per principle over the sessions of the latest instrument version: results from
 * different versions are never drawn in one chart; how many were left out is said.
 */
export function principleTrends(entries: HistoryEntryView[], levels: Level[], principles: Principle[], color: Color) {
	const version = Math.max(0, ...entries.map((entry) => entry.instrumentVersion));
	const kept = entries.filter((entry) => entry.instrumentVersion === version);
	const value = (entry: HistoryEntryView, level: string, principle: string, pick: 'mean' | 'sd') => {
		const cell = entry.cells[level]?.[principle];
		if (!cell?.shown) return null;
		const figure = pick === 'mean' ? cell.meanMaturity : cell.sdMaturity;
		return figure === null ? null : round(figure);
	};
	return {
		version,
		leftOut: entries.length - kept.length,
		trends: principles.map((principle) => ({
			principleId: principle.id,
			title: principle.title,
			data: {
				labels: kept.map((entry) => entry.heldOn),
				series: levels.map((level, index) => ({
					label: level.label,
					color: color(level.id, index),
					means: kept.map((entry) => value(entry, level.id, principle.id, 'mean')),
					spreads: kept.map((entry) => value(entry, level.id, principle.id, 'sd'))
				}))
			}
		}))
	};
}
