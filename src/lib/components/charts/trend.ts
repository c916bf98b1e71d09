import {
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { levelMarks } from './level-colors';
import { resizeForPrint } from './print';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend);

export interface TrendSeries {
	label: string;
	color: string;
	/** One mean per session, null where hidden. */
	means: (number | null)[];
	/** One standard deviation per session, drawn as a band around the mean. */
	spreads: (number | null)[];
}

export interface TrendData {
	labels: string[];
	series: TrendSeries[];
}

function translucent(hex: string, alpha: number): string {
	const value = Number.parseInt(hex.replace('#', ''), 16);
	return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

const clamp = (value: number) => Math.min(100, Math.max(0, value));

/** Draws maturity over sessions (0–100), a line per level with its spread as a band. */
export function trendChart(data: TrendData): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const band = (series: TrendSeries, sign: 1 | -1) =>
			series.means.map((mean, i) => {
				const spread = series.spreads[i];
				return mean === null || spread === null || spread === undefined ? null : clamp(mean + sign * spread);
			});
		const chart = new Chart(canvas, {
			type: 'line',
			data: {
				labels: data.labels,
				// Per level: the upper edge, the lower edge filled up to it, then the mean on top.
				datasets: data.series.flatMap((series) => [
					{ label: '', data: band(series, 1), borderWidth: 0, pointRadius: 0, fill: false },
					{
						label: '',
						data: band(series, -1),
						borderWidth: 0,
						pointRadius: 0,
						fill: '-1',
						backgroundColor: translucent(series.color, 0.12)
					},
					{
						label: series.label,
						data: series.means,
						borderColor: series.color,
						backgroundColor: series.color,
						// Each level its own dash and marker: the lines stay apart in black and white.
						borderDash: levelMarks(series.color).dash,
						pointStyle: levelMarks(series.color).point,
						borderWidth: 2,
						pointRadius: 5,
						fill: false,
						spanGaps: false
					}
				])
			},
			options: {
				animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? false : undefined,
				maintainAspectRatio: true,
				aspectRatio: 1.6,
				scales: { y: { min: 0, max: 100, ticks: { stepSize: 25 } } },
				plugins: {
					legend: { labels: { filter: (item) => item.text !== '', usePointStyle: true } },
					tooltip: { filter: (item) => item.dataset.label !== '' }
				}
			}
		});
		const stopPrint = resizeForPrint(chart);
		return () => {
			stopPrint();
			chart.destroy();
		};
	};
}
