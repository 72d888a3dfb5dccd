// Builds the extension that records its work as `context-lens:*` measures in
// each page's performance timeline (CONTEXT_LENS_MEASURES=1, into
// .output/<browser>-measures), for each browser named: the build the tests,
// the bench and the demo load, with the card's shadow root left open for the
// tests to read. The shipped build (`npm run build`) records none, and closes it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = { ...process.env, CONTEXT_LENS_MEASURES: '1' };
for (const browser of process.argv.slice(2)) {
  execFileSync('npx', ['wxt', 'build', '-b', browser], { cwd: root, env, stdio: 'inherit' });
}
