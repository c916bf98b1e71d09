import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.md'], layoutPropForwarding: 'runes' })],
	compilerOptions: {
		runes: true,
		// mdsvex 0.12 still writes <script context="module"> for front matter.
		warningFilter: (warning) => !(warning.code === 'script_context_deprecated' && warning.filename?.endsWith('.md'))
	},
	kit: {
		adapter: adapter(),
		alias: { $content: 'content' }
	}
};

export default config;
