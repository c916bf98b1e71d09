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
import { levelMarks } from './level-colors';
import { resizeForPrint } from './print';

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

/**
 * Splits a long label into lines of about `width` characters, never inside a quotation: « je »
 * and its guillemets stay on one line.
 */
export function wrap(label: string, width = 18): string[] {
	const lines: string[] = [];
	let line = '';
	const words = label.match(/«\s*[^»]*?\s*»\S*|\S+/g) ?? [];
	for (const word of words.map((w) => w.replace(/\s+/g, '\u00a0'))) {
		if (line && line.length + word.length + 1 > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

// On the dark projector theme, the lighter Okabe–Ito shades keep their contrast on black.
const onBlack: Record<string, string> = { '#0072B2': '#56B4E9', '#D55E00': '#FF9A52', '#009E73': '#3DDC97' };

function translucent(hex: string, alpha: number): string {
	const value = Number.parseInt(hex.replace('#', ''), 16);
	return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** Draws a radar chart of maturities (0–100) on the canvas it is attached to. */
export function radarChart(
	data: RadarData,
	{ large = false, small = false, dark = false }: { large?: boolean; small?: boolean; dark?: boolean } = {}
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const ink = dark ? '#ffffff' : '#1c2430';
		const grid = dark ? '#8a8a8a' : '#c9ced6';
		// A narrow chart (the control view's column, a phone) wraps its labels shorter, so they fit.
		const narrow = (canvas.parentElement?.clientWidth ?? 600) < 460;
		const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
		// Text scales with the chart's own width, also when the window is resized, so a
		// 1024-wide projector stays legible and labels do not run off the canvas.
		const size = (width: number) =>
			large ? Math.round(Math.min(28, Math.max(14, width / 30))) : Math.round(Math.min(13, Math.max(10, width / 32)));
		const chart = new Chart(canvas, {
			type: 'radar',
			data: {
				// A thumbnail keeps only the shape: no labels, no legend.
				labels: data.labels.map((label) => (small ? '' : wrap(label, large ? 16 : narrow ? 12 : 18))),
				// Each level its own dash and marker: the series stay apart in black and white.
				// An earlier session's series are thinner, hollow and unfilled.
				datasets: data.series.map((series) => {
					const marks = levelMarks(series.color);
					const color = dark ? (onBlack[series.color] ?? series.color) : series.color;
					const width = (large ? 4 : small ? 1.5 : 2) * (series.dashed ? 0.6 : 1);
					return {
						label: series.label,
						data: series.values,
						borderColor: series.dashed ? translucent(color, 0.7) : color,
						backgroundColor: translucent(color, series.dashed ? 0 : 0.1),
						pointBackgroundColor: series.dashed ? (dark ? '#000000' : '#ffffff') : color,
						pointBorderColor: color,
						pointStyle: marks.point,
						borderWidth: width,
						pointRadius: large ? 7 : small ? 0 : 4,
						borderDash: marks.dash.map((length) => length * (large ? 1.5 : 1)),
						spanGaps: false,
						fill: !series.dashed
					};
				})
			},
			options: {
				layout: { padding: small ? 0 : 6 },
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
							backdropColor: 'transparent',
							color: dark ? '#d0d0d0' : '#556170'
						},
						pointLabels: { font: (context) => ({ size: size(context.chart.width) }), color: ink },
						grid: { color: grid },
						angleLines: { color: grid }
					}
				},
				plugins: {
					legend: {
						display: !small,
						position: 'bottom',
						labels: {
							font: (context) => ({ size: size(context.chart.width) }),
							color: ink,
							usePointStyle: true,
							boxWidth: large ? 30 : 14
						}
					},
					tooltip: { enabled: !large && !small }
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
