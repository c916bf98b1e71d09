import { defineConfig } from 'vitest/config';

// The system tests drive the built app over HTTP as a child process (see tests/support/app-server.ts):
// `npm run build` comes first.
export default defineConfig({
	test: {
		include: ['tests/system/**/*.test.ts'],
		environment: 'node',
		pool: 'forks',
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 180_000
	}
});
