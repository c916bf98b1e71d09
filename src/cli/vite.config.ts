// The configuration for command-line tasks run with vite-node (`npm run demo`): the app's modules
// and its markdown content, without SvelteKit's server plugin, which only runs inside Vite's server.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
	root,
	plugins: [svelte({ configFile: `${root}/svelte.config.js` })],
	resolve: { alias: { $lib: `${root}/src/lib`, $content: `${root}/content` } },
	optimizeDeps: { noDiscovery: true, include: [] }
});
