/**
 * Builds the app if any source is newer than the build, starts `node build` on a free loopback port with a
 * temporary database seeded from seeds/, and stops it (by pid) afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    pipeline: boolean;
  }
}

const root = resolve(import.meta.dirname, '../..');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    m = Math.max(m, newest(join(path, name)));
  }
  return m;
}

function buildIfStale(): void {
  const built = existsSync(join(root, 'build/index.js')) ? statSync(join(root, 'build/index.js')).mtimeMs : 0;
  const inputs = Math.max(
    ...['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'].map((p) => newest(join(root, p)))
  );
  if (built > inputs && process.env.ATLAS_TEST_REBUILD !== '1') return;
  // One build at a time: several test runs may share the working tree.
  const r = spawnSync('flock', ['/tmp/atlas-build.lock', process.execPath, 'node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit'
  });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status})`);
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function waitFor(url: string, server: ChildProcess, ms: number): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return r;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function start(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['build'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit']
  });
}

export default async function setup(project: TestProject) {
  buildIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'atlas-test-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let server = start(port, { ATLAS_DB: join(dir, 'atlas.sqlite'), ATLAS_SEEDS: join(root, 'seeds') });
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(server.pid);
  };
  try {
    let status = (await (await waitFor(`${baseURL}/api/status`, server, 120_000)).json()) as { pipeline: boolean };
    if (!status.pipeline) {
      // A checkout without the events pipeline: exercise the dashboard on synthetic incidents instead.
      stop();
      await new Promise((r) => server.once('exit', r));
      server = start(port, { ATLAS_DB: join(dir, 'synthetic.sqlite'), ATLAS_SYNTHETIC_INCIDENTS: '600' });
      status = (await (await waitFor(`${baseURL}/api/status`, server, 60_000)).json()) as { pipeline: boolean };
    }
    project.provide('baseURL', baseURL);
    project.provide('pipeline', status.pipeline);
  } catch (e) {
    stop();
    throw e;
  }
  return () => {
    stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
