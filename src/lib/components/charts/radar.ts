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
	{ large = false }: { large?: boolean } = {}
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
		const size = large ? 24 : 13;
		const chart = new Chart(canvas, {
			type: 'radar',
			data: {
				labels: data.labels.map((label) => wrap(label)),
				datasets: data.series.map((series) => ({
					label: series.label,
					data: series.values,
					borderColor: series.color,
					backgroundColor: translucent(series.color, 0.12),
					pointBackgroundColor: series.color,
					borderWidth: large ? 4 : 2,
					pointRadius: large ? 6 : 3,
					borderDash: series.dashed ? [8, 6] : [],
					spanGaps: false,
					fill: true
				}))
			},
			options: {
				animation: reduced ? false : undefined,
				maintainAspectRatio: true,
				aspectRatio: 1,
				scales: {
					r: {
						min: 0,
						max: 100,
						ticks: { stepSize: 25, font: { size: large ? 18 : 11 }, backdropColor: 'transparent' },
						pointLabels: { font: { size }, color: '#1c2430' },
						grid: { color: '#c9ced6' },
						angleLines: { color: '#c9ced6' }
					}
				},
				plugins: {
					legend: { position: 'bottom', labels: { font: { size }, color: '#1c2430', boxWidth: large ? 30 : 14 } },
					tooltip: { enabled: !large }
				}
			}
		});
		return () => chart.destroy();
	};
}
