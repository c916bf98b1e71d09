import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { remarkFrenchTypography } from './src/lib/framework/french-typography.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		mdsvex({ extensions: ['.md'], layoutPropForwarding: 'runes', remarkPlugins: [remarkFrenchTypography] })
	],
	compilerOptions: {
		// mdsvex 0.12 still writes <script context="module"> for front matter.
		warningFilter: (warning) => !(warning.code === 'script_context_deprecated' && warning.filename?.endsWith('.md'))
	},
	vitePlugin: {
		// Runes mode for the app's own components (as `sv create` sets it up); components from
		// node_modules keep the mode their authors wrote them in.
		dynamicCompileOptions: ({ filename }) =>
			filename.split(/[/\\]/).includes('node_modules') ? undefined : { runes: true }
	},
	kit: {
		adapter: adapter(),
		// Scripts only from the app itself (SvelteKit adds nonces to its own inline script); inline
		// styles stay allowed because Svelte's style: directives and chart sizes set them.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		},
		alias: { $content: 'content' },
		// The server resolves a route when the browser first navigates to it, so pages do not ship
		// the list of every route (the participant page would carry the facilitator's, issue 14).
		router: { resolution: 'server' }
	}
};

export default config;
