import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.md'], layoutPropForwarding: 'runes' })],
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		alias: { $content: 'content' }
	}
};

export default config;
