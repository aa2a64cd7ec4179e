/**
 * `atlas backup FILE [--db PATH]`: a consistent copy of the dashboard's database, taken with SQLite's online
 * backup while the server may be running and writing (it is not stopped, and nothing of it is half-copied). The
 * copy is checked (integrity check, article count) and readable by its owner only; an existing FILE is never
 * overwritten.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { config } from '../lib/server/store';
import type { CliIO } from './main';

const USAGE = `usage: atlas backup FILE [--db PATH]
  FILE        where to write the copy (must not exist)
  --db PATH   the database to copy (default: $ATLAS_DB, else data/atlas.sqlite, the server's)
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  let dbPath: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') {
      io.stdout.write(USAGE);
      return 0;
    } else if (a === '--db' || a.startsWith('--db=')) {
      dbPath = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[++i] ?? '');
      if (!dbPath) return usage(io, '--db needs a path');
    } else if (a.startsWith('-') && a !== '-') return usage(io, `unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length !== 1) return usage(io, rest.length ? 'one FILE only' : 'no FILE to write the backup to');
  const source = resolve(dbPath ?? config.dbPath());
  const target = resolve(rest[0]);
  if (!existsSync(source)) {
    io.stderr.write(`atlas backup: no database at ${source}\n`);
    return 1;
  }
  if (target === source) return usage(io, 'FILE is the database itself');
  if (existsSync(target)) {
    io.stderr.write(`atlas backup: ${target} exists; choose another name (a backup never overwrites a file)\n`);
    return 1;
  }
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    // Created owner-only before SQLite writes a byte of it.
    closeSync(openSync(target, 'wx', 0o600));
    const started = performance.now();
    await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        if (totalPages > 10_000) io.stderr.write(`atlas backup: ${Math.floor(((totalPages - remainingPages) / totalPages) * 100)}%\n`);
        return 1000;
      }
    });
    chmodSync(target, 0o600);
    const copy = new Database(target, { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${check}`);
      const articles = copy.prepare('SELECT count(*) FROM inputs').pluck().get() as number;
      io.stderr.write(`atlas backup: ${articles} articles copied in ${((performance.now() - started) / 1000).toFixed(1)} s → ${target}\n`);
    } finally {
      copy.close();
    }
    return 0;
  } catch (e) {
    rmSync(target, { force: true });
    io.stderr.write(`atlas backup: ${(e as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
}

function usage(io: CliIO, problem: string): number {
  io.stderr.write(`atlas backup: ${problem}\n${USAGE}`);
  return 2;
}
