/**
 * Builds the app if any source is newer than the build, starts `node build` on a free loopback port with a
 * temporary database seeded from seeds/, and stops it (by pid) afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildIfStale, root, startServer, type RunningServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    pipeline: boolean;
  }
}

export default async function setup(project: TestProject) {
  buildIfStale(process.env.ATLAS_TEST_REBUILD === '1');
  const dir = mkdtempSync(join(tmpdir(), 'atlas-test-'));
  let server: RunningServer = await startServer({ ATLAS_DB: join(dir, 'atlas.sqlite'), ATLAS_SEEDS: join(root, 'seeds') });
  let status = (await (await fetch(`${server.baseURL}/api/status`)).json()) as { pipeline: boolean };
  if (!status.pipeline) {
    // A checkout without the events pipeline: exercise the dashboard on synthetic incidents instead.
    await server.stop();
    server = await startServer({ ATLAS_DB: join(dir, 'synthetic.sqlite'), ATLAS_SYNTHETIC_INCIDENTS: '600' });
    status = (await (await fetch(`${server.baseURL}/api/status`)).json()) as { pipeline: boolean };
  }
  project.provide('baseURL', server.baseURL);
  project.provide('pipeline', status.pipeline);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
