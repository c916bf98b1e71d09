import {
	Chart,
	Filler,
	Legend,
	LineElement,
	PointElement,
	RadarController,
	RadialLinearScale,
	Tooltip
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

export interface RadarSeries {
	label: string;
	values: (number | null)[];
	color: string;
	dashed?: boolean;
}

export interface RadarData {
	labels: string[];
	series: RadarSeries[];
}

/** Splits a long label into lines of about `width` characters. */
function wrap(label: string, width = 18): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of label.split(/\s+/)) {
		if (line && line.length + word.length + 1 > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

function translucent(hex: string, alpha: number): string {
	const value = Number.parseInt(hex.replace('#', ''), 16);
	return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** Draws a radar chart of maturities (0–100) on the canvas it is attached to. */
export function radarChart(
	data: RadarData,
	{ large = false, small = false }: { large?: boolean; small?: boolean } = {}
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
		// Text scales with the chart's own width, also when the window is resized, so a
		// 1024-wide projector stays legible and labels do not run off the canvas.
		const size = (width: number) =>
			large ? Math.round(Math.min(26, Math.max(14, width / 34))) : Math.round(Math.min(13, Math.max(10, width / 32)));
		const chart = new Chart(canvas, {
			type: 'radar',
			data: {
				// A thumbnail keeps only the shape: no labels, no legend.
				labels: data.labels.map((label) => (small ? '' : wrap(label, large ? 16 : 18))),
				datasets: data.series.map((series) => ({
					label: series.label,
					data: series.values,
					borderColor: series.color,
					backgroundColor: translucent(series.color, 0.12),
					pointBackgroundColor: series.color,
					borderWidth: large ? 4 : small ? 1.5 : 2,
					pointRadius: large ? 6 : small ? 0 : 3,
					borderDash: series.dashed ? [8, 6] : [],
					spanGaps: false,
					fill: true
				}))
			},
			options: {
				// The projector redraws on every reload: no animation there.
				animation: reduced || large ? false : undefined,
				maintainAspectRatio: true,
				aspectRatio: 1,
				scales: {
					r: {
						min: 0,
						max: 100,
						ticks: {
							display: !small,
							stepSize: 25,
							font: (context) => ({ size: size(context.chart.width) - 4 }),
							backdropColor: 'transparent'
						},
						pointLabels: { font: (context) => ({ size: size(context.chart.width) }), color: '#1c2430' },
						grid: { color: '#c9ced6' },
						angleLines: { color: '#c9ced6' }
					}
				},
				plugins: {
					legend: {
						display: !small,
						position: 'bottom',
						labels: {
							font: (context) => ({ size: size(context.chart.width) }),
							color: '#1c2430',
							boxWidth: large ? 30 : 14
						}
					},
					tooltip: { enabled: !large && !small }
				}
			}
		});
		return () => chart.destroy();
	};
}
