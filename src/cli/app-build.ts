/**
 * The dashboard's production build (`build/`), rebuilt only when its inputs changed: `npm start` and the browser
 * tests both start from it, and a rebuild takes 15 s where a start takes one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files and folders whose change makes the build stale. */
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs; // a deleted file changes its folder
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    m = Math.max(m, newest(join(path, name)));
  }
  return m;
}

/** True when build/ is missing or older than any of its inputs. */
export function buildIsStale(root: string): boolean {
  const marker = join(root, 'build/index.js');
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  return built <= Math.max(...INPUTS.map((p) => newest(join(root, p))));
}

/**
 * Builds when stale (or forced). Vite's output goes to `log` ('inherit' to show it); one build at a time, since
 * several runs may share the working tree. Returns whether a build ran.
 */
export function buildIfStale(root: string, opts: { force?: boolean; quiet?: boolean } = {}): boolean {
  if (!opts.force && !buildIsStale(root)) return false;
  const vite = [process.execPath, join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', opts.quiet ? 'error' : 'warn'];
  const hasFlock = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
  const [cmd, ...args] = hasFlock ? ['flock', join(root, 'node_modules/.atlas-build.lock'), ...vite] : vite;
  // Quiet: the bundler's chatter is shown only when the build fails.
  // Always a production build, whoever asks (a test runner sets NODE_ENV=test, which would build in dev mode).
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    const output = opts.quiet ? `\n${r.stdout?.toString() ?? ''}${r.stderr?.toString() ?? ''}` : '';
    throw new Error(`building the dashboard failed (vite build exited ${r.status})${output}`);
  }
  return true;
}
