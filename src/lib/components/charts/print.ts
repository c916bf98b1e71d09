import type { Chart } from 'chart.js';

/**
 * Redraws a chart at its printed size before printing and back after: otherwise the page
 * prints the screen's bitmap, stretched or cut. Returns a function that stops listening.
 */
export function resizeForPrint(chart: Chart): () => void {
	const before = () => chart.resize();
	const after = () => chart.resize();
	const media = matchMedia('print');
	const change = (event: MediaQueryListEvent) => (event.matches ? before() : after());
	addEventListener('beforeprint', before);
	addEventListener('afterprint', after);
	media.addEventListener('change', change);
	return () => {
		removeEventListener('beforeprint', before);
		removeEventListener('afterprint', after);
		media.removeEventListener('change', change);
	};
}
