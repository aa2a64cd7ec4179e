/**
 * `atlas import FILE|DIR... [--db PATH]`: articles into the dashboard's database (the server's ATLAS_DB, by default
 * data/atlas.sqlite). Each article is read on its own as the API reads an upload; those that cannot be read are
 * reported and the others stored. Progress (count, rate, ETA) goes to stderr, and a summary at the end. The
 * incidents are re-derived once, after the last article; a server running on the same database serves them from
 * then on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { extract } from '../lib/events';
import { loadGazetteer } from '../lib/gazetteer';
import { featureCount, hasInput, openDb, type StoredInput } from '../lib/server/db';
import { ArticleRejected, config, Store } from '../lib/server/store';
import { decodeArticle } from './extract';
import type { CliIO } from './main';

const USAGE = `usage: atlas import FILE|DIR... [--db PATH]
  FILE, DIR   articles: plain text (.txt), Markdown (.md) or HTML (.html); folders are read recursively
  --db PATH   the database to add to (default: $ATLAS_DB, else data/atlas.sqlite, the server's)
`;

const ARTICLE = /\.(txt|md|markdown|html?)$/i;

/** Every article file under the arguments, in a stable order; what cannot be listed is reported. */
function collect(paths: string[], problem: (path: string, why: string) => void): string[] {
  const files: string[] = [];
  const walk = (path: string, top: boolean) => {
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      problem(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message);
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (e) {
        problem(path, (e as Error).message);
        return;
      }
      for (const n of names) if (!n.startsWith('.')) walk(join(path, n), false);
    } else if (top || ARTICLE.test(path)) files.push(path);
  };
  for (const p of paths) walk(p, true);
  return files;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** A progress line: bar, count, percentage, rate and time left. */
export function progressLine(done: number, total: number, elapsedMs: number, width = 24): string {
  const share = total ? done / total : 1;
  const filled = Math.round(share * width);
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${Math.floor(share * 100)}% ${rate.toFixed(1)} articles/s ETA ${done === total ? '0:00' : clock(eta)}`;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const paths: string[] = [];
  let dbPath: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') {
      io.stdout.write(USAGE);
      return 0;
    } else if (a === '--db' || a.startsWith('--db=')) {
      dbPath = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[++i] ?? '');
      if (!dbPath) return usage(io, '--db needs a path');
    } else if (a.startsWith('-')) return usage(io, `unknown option ${a}`);
    else paths.push(a);
  }
  if (!paths.length) return usage(io, 'no files or folders to import');

  let failed = 0;
  const problem = (path: string, why: string) => {
    failed++;
    io.stderr.write(`${tty(io) ? '\r\x1b[K' : ''}atlas import: ${path}: ${why}\n`);
  };
  const files = collect(paths, problem);
  const target = resolve(dbPath ?? config.dbPath());
  const gazetteer = loadGazetteer();
  const store = new Store(openDb(target), (inputs) => extract(inputs, { gazetteer }));

  const started = performance.now();
  let lastShown = 0;
  const show = (done: number, force = false) => {
    const now = performance.now();
    if (!force && now - lastShown < (tty(io) ? 100 : 2000)) return;
    lastShown = now;
    const line = `atlas import: ${progressLine(done, files.length, now - started)}`;
    io.stderr.write(tty(io) ? `\r\x1b[K${line}` : `${line}\n`);
  };

  let stored = 0;
  let unchanged = 0;
  const batch: StoredInput[] = [];
  const ids = new Set<string>();
  const flush = async () => {
    if (batch.length) await store.storeChecked(batch.splice(0));
  };
  for (const [n, path] of files.entries()) {
    show(n);
    try {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (e) {
        throw new Error((e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message);
      }
      const input = decodeArticle(path, bytes);
      // The file name is the id; a different article under a name already taken gets the next free suffix.
      let id = input.id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '').slice(0, 120) || 'article';
      const base = id;
      let same = false;
      for (let k = 2; ids.has(id) || hasInput(store.db, id); k++) {
        const row = store.db.prepare('SELECT content FROM inputs WHERE id = ?').get(id) as { content: string } | undefined;
        if (row?.content === input.content) {
          same = true;
          break;
        }
        id = `${base}-${k}`;
      }
      if (same) {
        unchanged++;
        continue;
      }
      const article = { ...input, id };
      await store.checkArticle(article);
      ids.add(id);
      batch.push(article);
      stored++;
      if (batch.length >= 100) await flush();
    } catch (e) {
      problem(path, e instanceof ArticleRejected ? e.message.replace(/^The article could not be read: /, '') : (e as Error).message);
    }
  }
  await flush();
  show(files.length, true);
  if (tty(io)) io.stderr.write('\n');

  io.stderr.write('atlas import: deriving incidents and routes from the whole database…\n');
  await store.reextract();
  const counts = featureCount(store.db);
  const setAside = store.lastErrors.filter((e) => ids.has(e.article));
  for (const e of setAside) problem(e.article, `stored, but left out of the map: ${e.message}`);
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(
    `atlas import: ${stored} stored, ${unchanged} already there, ${failed} not imported or left out, of ${files.length} files in ${seconds.toFixed(1)} s` +
      ` (${(files.length / Math.max(seconds, 0.001)).toFixed(1)} articles/s); the database now maps ${counts.incidents} incidents and ${counts.routes} routes → ${target}\n`
  );
  store.db.close();
  return failed ? 1 : 0;
}

function tty(io: CliIO): boolean {
  return Boolean((io.stderr as NodeJS.WriteStream).isTTY);
}

function usage(io: CliIO, problem: string): number {
  io.stderr.write(`atlas import: ${problem}\n${USAGE}`);
  return 2;
}
