import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './tests/support/chromium';

// E2E_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT) || 4173;
// One fresh database per run: the first journey creates the first facilitator through /setup.
process.env.E2E_DATABASE_PATH ??= join(tmpdir(), `entre-deux-e2e-${Date.now()}.sqlite`);

const phone = { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions: chromiumLaunchOptions };
export const phoneViewport = { width: 390, height: 844 };
const laptop = {
	...devices['Desktop Chrome'],
	viewport: { width: 1366, height: 768 },
	launchOptions: chromiumLaunchOptions
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	// Journeys hash passwords (argon2) and check accessibility on every page: on a busy 2-core machine a
	// short one took over 30 s.
	timeout: 90_000,
	reporter: process.env.CI ? 'list' : 'line',
	use: { baseURL: `http://localhost:${port}`, locale: 'fr-FR', trace: 'retain-on-failure' },
	projects: [
		{ name: 'first-run', testMatch: 'first-run.spec.ts', use: laptop },
		{ name: 'laptop', testIgnore: 'first-run.spec.ts', dependencies: ['first-run'], use: laptop },
		// The live journeys drive their own phone and projector contexts from the laptop.
		{
			name: 'phone',
			testIgnore: [
				'first-run.spec.ts',
				'live-session.spec.ts',
				'phone-*.spec.ts',
				'every-page.spec.ts',
				'print-*.spec.ts'
			],
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
