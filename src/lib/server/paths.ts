/**
 * Where the application lives, whatever the working directory: the folder holding its package.json, found from
 * this module (in src/lib/server, or bundled into build/server). Relative defaults (the database, the seeds, the
 * gazetteer) are resolved from there; paths given in the environment keep their meaning (relative to the
 * working directory).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | null = null;

export function appRoot(): string {
  if (found) return found;
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.url));
  } catch {
    dir = process.cwd();
  }
  for (let d = dir; ; d = dirname(d)) {
    const pkg = join(d, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'incident-atlas') return (found = d);
      } catch {
        // not ours
      }
    }
    if (dirname(d) === d) break;
  }
  return (found = resolve('.'));
}

/** A path from the environment (relative to the working directory), else the default under the application. */
export function fromEnv(value: string | undefined, fallback: string): string {
  return value ? resolve(value) : join(appRoot(), fallback);
}
