/**
 * `atlas serve` (what `npm start` runs): builds the dashboard only when its sources changed, then starts the
 * server with the sample articles on HOST:PORT (default 127.0.0.1:4173), in a few lines of output.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './app-build';
import type { CliIO } from './main';

const USAGE = `usage: atlas serve [--rebuild]
  starts the dashboard on http://HOST:PORT (HOST=127.0.0.1, PORT=4173 unless set), building it first when stale
  --rebuild   build even when the build is up to date
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) { io.stdout.write(USAGE); return 0; }
  const unknown = args.find((a) => a !== '--rebuild');
  if (unknown) { io.stderr.write(`atlas serve: unknown option ${unknown}\n${USAGE}`); return 2; }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const t0 = Date.now();
  try {
    io.stdout.write('atlas: checking the dashboard build…\n');
    if (buildIfStale(root, { force: args.includes('--rebuild'), quiet: true })) io.stdout.write(`atlas: dashboard built in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  } catch (err) {
    io.stderr.write(`atlas serve: ${(err as Error).message}\n`);
    return 1;
  }
  const host = process.env.HOST || '127.0.0.1';
  const port = process.env.PORT || '4173';
  const child = spawn(process.execPath, [join(root, 'build')], { cwd: root, env: { ...process.env, HOST: host, PORT: port }, stdio: 'inherit' });
  // The server stops with us (Ctrl-C, or a test stopping this process by its pid).
  const stop = (signal: NodeJS.Signals) => { if (child.exitCode === null) child.kill(signal); };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return await new Promise<number>((ok) => child.on('exit', (code, signal) => ok(code ?? (signal ? 0 : 1))));
}
