import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 4173;
// One fresh database per run: the first journey creates the first facilitator through /setup.
process.env.E2E_DATABASE_PATH ??= join(tmpdir(), `entre-deux-e2e-${Date.now()}.sqlite`);

const chromium = {
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

const phone = { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions: chromium };
export const phoneViewport = { width: 390, height: 844 };
const laptop = { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 768 }, launchOptions: chromium };

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? 'list' : 'line',
	use: { baseURL: `http://localhost:${port}`, locale: 'fr-FR', trace: 'retain-on-failure' },
	projects: [
		{ name: 'first-run', testMatch: 'first-run.spec.ts', use: laptop },
		{ name: 'laptop', testIgnore: 'first-run.spec.ts', dependencies: ['first-run'], use: laptop },
		// The live session journey drives its own phone and projector contexts from the laptop.
		{
			name: 'phone',
			testIgnore: ['first-run.spec.ts', 'live-session.spec.ts'],
			dependencies: ['first-run'],
			use: phone
		}
	],
	webServer: {
		command: 'node src/cli/start.js',
		port,
		reuseExistingServer: false,
		timeout: 180_000,
		env: { PORT: String(port), DATABASE_PATH: process.env.E2E_DATABASE_PATH }
	}
});
