// `npm run prepare`, which npm also runs after `npm install` and `npm ci`: compiles the UI
// messages with paraglide. An install with --omit=dev has no paraglide and serves a prebuilt app,
// whose messages are inside build/: there is nothing to compile then.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const paraglide = join(root, 'node_modules', '@inlang', 'paraglide-js', 'bin', 'run.js');

if (!existsSync(paraglide)) {
	console.log('No dev dependencies: the messages are not compiled (a prebuilt app in build/ has them).');
} else {
	const options = ['--project', './project.inlang', '--outdir', './src/lib/paraglide'];
	const strategy = ['--strategy', 'cookie', 'preferredLanguage', 'baseLocale'];
	execFileSync(process.execPath, [paraglide, 'compile', ...options, ...strategy], { cwd: root, stdio: 'inherit' });
}
