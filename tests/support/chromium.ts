// Debian's Chromium through Playwright, for tests that need the real browser code (EventSource,
// the answer queue); never a downloaded browser.
import { chromium, type Browser } from '@playwright/test';

/** How every test starts Chromium: the system's binary, headless, with no calls home. */
export const chromiumLaunchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

/** Launches the system's Chromium headless. */
export function launchChromium(): Promise<Browser> {
	return chromium.launch(chromiumLaunchOptions);
}
