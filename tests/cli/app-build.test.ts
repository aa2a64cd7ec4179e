import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsStale } from '../../src/cli/app-build';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  dirs.push(root);
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  mkdirSync(join(root, 'build'));
  writeFileSync(join(root, 'src/lib/a.ts'), 'export {};\n');
  writeFileSync(join(root, 'package.json'), '{}\n');
  return root;
}
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('the dashboard build is reused when nothing changed', () => {
  it('is stale without a build', () => {
    expect(buildIsStale(project())).toBe(true);
  });

  it('is fresh when the build is newer than every input, and stale after a source changes', () => {
    const root = project();
    for (const p of ['src/lib/a.ts', 'src/lib', 'src', 'package.json']) at(join(root, p), 1_000);
    writeFileSync(join(root, 'build/index.js'), '');
    at(join(root, 'build/index.js'), 2_000);
    expect(buildIsStale(root)).toBe(false);
    at(join(root, 'src/lib/a.ts'), 3_000);
    expect(buildIsStale(root)).toBe(true);
  });

  it('notices a deleted file through its folder', () => {
    const root = project();
    for (const p of ['src/lib/a.ts', 'src', 'package.json']) at(join(root, p), 1_000);
    writeFileSync(join(root, 'build/index.js'), '');
    at(join(root, 'build/index.js'), 2_000);
    at(join(root, 'src/lib'), 3_000);
    expect(buildIsStale(root)).toBe(true);
  });
});
