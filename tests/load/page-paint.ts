// When a phone on a slow mobile network first sees a page: its largest contentful paint, in
// Chromium with a cold cache, a phone's viewport and the network throttled to the slow-3G
// profile of WebPageTest (400 ms round trip, 400 kbit/s each way).
import { launchChromium } from '../support/chromium';
import type { Client } from '../support/http-client';

export const slow3g = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

/** The largest contentful paint of each of a few cold loads of the page, in ms. */
export async function largestPaintMs(client: Client, path: string, loads = 3): Promise<number[]> {
	const browser = await launchChromium();
	try {
		const paints: number[] = [];
		for (let i = 0; i < loads; i++) {
			const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
			await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: client.baseUrl })));
			const page = await context.newPage();
			const devtools = await context.newCDPSession(page);
			await devtools.send('Network.enable');
			await devtools.send('Network.emulateNetworkConditions', { offline: false, ...slow3g });
			await page.goto(new URL(path, client.baseUrl).href, { waitUntil: 'load', timeout: 60_000 });
			paints.push(
				await page.evaluate(
					() =>
						new Promise<number>((resolve) =>
							new PerformanceObserver((list) => resolve(list.getEntries().at(-1)!.startTime)).observe({
								type: 'largest-contentful-paint',
								buffered: true
							})
						)
				)
			);
			await context.close();
		}
		return paints;
	} finally {
		await browser.close();
	}
}
