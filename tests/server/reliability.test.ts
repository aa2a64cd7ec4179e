/**
 * Reliability over a real SQLite database: concurrent writes, a crash in the middle of an import (a real child
 * process killed with SIGKILL), durability settings, file modes and the online backup.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { openDb, featureCollectionJson } from '../../src/lib/server/db';
import { InlineWriter, Store } from '../../src/lib/server/store';
import { run as backup } from '../../src/cli/backup';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'atlas-reliability-'));
mkdirSync(join(dir, 'seeds'));
writeFileSync(join(dir, 'seeds', 'kirkuk.txt'), 'A roadside bomb killed three Iraqi soldiers in Kirkuk on March 3, 2008, police said.\n');
process.env.ATLAS_DB = join(dir, 'atlas.sqlite');
process.env.ATLAS_SEEDS = join(dir, 'seeds');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOWNS = ['Basra', 'Mosul', 'Kirkuk', 'Najaf', 'Karbala', 'Ramadi', 'Tikrit', 'Samarra', 'Baqubah', 'Fallujah'];
/** A short article of our own making, different for each n. */
const article = (n: number) =>
  `Gunmen killed ${(n % 9) + 2} policemen at a checkpoint in ${TOWNS[n % TOWNS.length]} on ${['January', 'February', 'March', 'April'][n % 4]} ${(n % 27) + 1}, 2008, officials said.`;

function io() {
  const err = new PassThrough();
  let stderr = '';
  err.on('data', (d) => (stderr += d));
  return { io: { stdin: new PassThrough(), stdout: new PassThrough(), stderr: err }, stderr: () => stderr };
}

/** The database agrees with itself: SQLite's checks, and every article stored whole (input, reading, features). */
function expectConsistent(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const inputs = db.prepare('SELECT id FROM inputs ORDER BY id').pluck().all();
    expect(db.prepare('SELECT id FROM articles ORDER BY id').pluck().all()).toEqual(inputs);
    const orphans = db.prepare('SELECT count(*) FROM feature_articles WHERE article_id NOT IN (SELECT id FROM inputs)').pluck().get();
    expect(orphans).toBe(0);
    const unindexed = db.prepare("SELECT count(*) FROM features f WHERE kind = 'incident' AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.feature_id = f.id)").pluck().get();
    expect(unindexed).toBe(0);
    return inputs.length;
  } finally {
    db.close();
  }
}

describe('writes', () => {
  it('50 concurrent writes are each stored once, and reads are answered while they wait', async () => {
    const articles = (await import('../../src/routes/api/articles/+server')) as unknown as {
      POST: (e: unknown) => Promise<Response>;
      GET: (e: unknown) => Promise<Response>;
    };
    const features = (await import('../../src/routes/api/features/+server')) as unknown as { GET: (e: unknown) => Promise<Response> };
    await articles.GET({}); // the store is open and seeded
    let writesDone = 0;
    const writes = Array.from({ length: 50 }, (_, n) =>
      articles
        .POST({
          request: new Request('http://127.0.0.1/api/articles', {
            method: 'POST',
            body: JSON.stringify({ id: `w${n}`, content: article(n) }),
            headers: { 'content-type': 'application/json' }
          })
        })
        .then((r) => {
          writesDone++;
          return r.status;
        })
    );
    // A read issued during the burst is answered before the burst is over: it waits for no write.
    const read = await features.GET({ request: new Request('http://127.0.0.1/api/features') });
    expect(read.status).toBe(200);
    expect(writesDone).toBeLessThan(50);
    expect(await Promise.all(writes)).toEqual(Array(50).fill(201));
    const list = (await (await articles.GET({})).json()) as Array<{ id: string }>;
    const ids = list.map((a) => a.id).filter((id) => id.startsWith('w'));
    expect(ids.sort()).toEqual(Array.from({ length: 50 }, (_, n) => `w${n}`).sort());
    expectConsistent(process.env.ATLAS_DB!);
  });
});

describe('the database file', () => {
  it('is created readable by its owner only, in WAL mode with synchronous=FULL', () => {
    const path = join(dir, 'modes', 'new.sqlite');
    const db = openDb(path);
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run();
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    } finally {
      db.close();
    }
  });
});

describe('kill -9 during an import', () => {
  it('leaves a consistent database holding every article the import had counted as done', async () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (let n = 0; n < 400; n++) writeFileSync(join(corpus, `a${String(n).padStart(3, '0')}.txt`), article(n) + '\n');
    const path = join(dir, 'killed.sqlite');
    const child = spawn(process.execPath, [join(root, 'src/cli/atlas.js'), 'import', corpus, '--db', path], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let acknowledged = 0;
    let stderr = '';
    await new Promise<void>((ok, fail) => {
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        stderr += chunk;
        for (const m of chunk.matchAll(/\] (\d+)\/400 /g)) acknowledged = Math.max(acknowledged, Number(m[1]));
        if (acknowledged > 0 && child.exitCode === null) {
          child.kill('SIGKILL');
          ok();
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? ok() : fail(new Error(`the import ended (${code}) before it could be killed:\n${stderr}`))));
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));
    expect(child.signalCode).toBe('SIGKILL');
    const stored = expectConsistent(path);
    expect(stored).toBeGreaterThanOrEqual(acknowledged);
    expect(stored).toBeLessThan(400);
    // The import goes on where it stopped: nothing stored twice.
    const t = io();
    const { run } = await import('../../src/cli/import');
    expect(await run([corpus, '--db', path], t.io)).toBe(0);
    expect(t.stderr()).toMatch(new RegExp(`${400 - stored} stored, ${stored} already there, 0 not imported`));
    expect(expectConsistent(path)).toBe(400);
  }, 300_000);
});

describe('atlas backup', () => {
  it('copies a database in use into a new owner-only file, and never overwrites one', async () => {
    const path = join(dir, 'source.sqlite');
    const db = openDb(path);
    const store = new Store(db, new InlineWriter(db));
    for (let n = 0; n < 3; n++) await store.addArticle({ id: `b${n}`, content: article(n) });
    const target = join(dir, 'backup.sqlite');
    const t = io();
    expect(await backup([target, '--db', path], t.io)).toBe(0);
    expect(t.stderr()).toMatch(/3 articles copied/);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const copy = openDb(target);
    expect(featureCollectionJson(copy)).toBe(featureCollectionJson(db));
    copy.close();
    const again = io();
    expect(await backup([target, '--db', path], again.io)).toBe(1);
    expect(again.stderr()).toMatch(/exists/);
    const none = io();
    expect(await backup([], none.io)).toBe(2);
    await store.close();
  });
});
