/**
 * `atlas import FILE|DIR... [--db PATH]`: articles into the dashboard's database (the server's ATLAS_DB, by default
 * data/atlas.sqlite). Each article is read on its own as the API reads an upload and, when it can be read, stored
 * with its incidents merged into the map in one transaction before the next one is read: an interrupted import
 * leaves every article it counted as done. Those that cannot be read are reported. Progress (count, rate, ETA)
 * goes to stderr, and a summary at the end; a server running on the same database serves each article as soon as
 * it is committed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { loadGazetteer } from '../lib/gazetteer';
import { SqliteStore } from '../lib/server/db';
import { ArticleRejected, Ingest } from '../lib/server/ingest';
import { config } from '../lib/server/store';
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
  const store = SqliteStore.open(target);
  const ingest = new Ingest(store, { gazetteer: loadGazetteer(config.gazetteerDir()), budgetMs: config.articleBudgetMs });

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
  const contentOf = store.db.prepare('SELECT content FROM inputs WHERE id = ?').pluck();
  for (const [n, path] of files.entries()) {
    // Every article counted here is committed.
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
      for (let k = 2; store.hasArticle(id); k++) {
        if (contentOf.get(id) === input.content) {
          same = true;
          break;
        }
        id = `${base}-${k}`;
      }
      if (same) {
        unchanged++;
        continue;
      }
      const added = ingest.add({ ...input, id });
      if (added.created) stored++;
      else unchanged++;
    } catch (e) {
      problem(path, e instanceof ArticleRejected ? e.message.replace(/^The article could not be read: /, '') : (e as Error).message);
    }
  }
  show(files.length, true);
  if (tty(io)) io.stderr.write('\n');

  const counts = store.featureCount();
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(
    `atlas import: ${stored} stored, ${unchanged} already there, ${failed} not imported, of ${files.length} files in ${seconds.toFixed(1)} s` +
      ` (${(files.length / Math.max(seconds, 0.001)).toFixed(1)} articles/s); the database now maps ${counts.incidents} incidents and ${counts.routes} routes → ${target}\n`
  );
  store.close();
  return failed ? 1 : 0;
}

function tty(io: CliIO): boolean {
  return Boolean((io.stderr as NodeJS.WriteStream).isTTY);
}

function usage(io: CliIO, problem: string): number {
  io.stderr.write(`atlas import: ${problem}\n${USAGE}`);
  return 2;
}
