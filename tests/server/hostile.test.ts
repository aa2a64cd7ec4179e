/**
 * No input breaks the store: the JSON API over a real SQLite database and the real pipeline, fed what an
 * attacker or a clumsy user sends. Every refusal stores nothing, and the store keeps working after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const dir = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
mkdirSync(join(dir, 'seeds'));
const KIRKUK = 'Bomb kills three in Kirkuk\n\nA roadside bomb killed three Iraqi soldiers and wounded five in Kirkuk on March 3, 2008, police said.\n';
writeFileSync(join(dir, 'seeds', 'kirkuk.txt'), KIRKUK);
process.env.ATLAS_DB = join(dir, 'atlas.sqlite');
process.env.ATLAS_SEEDS = join(dir, 'seeds');

type Handler = (event: unknown) => Promise<Response>;
let articles: { GET: Handler; POST: Handler };
let article: { GET: Handler };
let status: { GET: Handler };
let server: typeof import('../../src/lib/server/store');
let db: typeof import('../../src/lib/server/db');

beforeAll(async () => {
  articles = (await import('../../src/routes/api/articles/+server')) as never;
  article = (await import('../../src/routes/api/articles/[id]/+server')) as never;
  status = (await import('../../src/routes/api/status/+server')) as never;
  server = await import('../../src/lib/server/store');
  db = await import('../../src/lib/server/db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const post = (body: string | object, headers: Record<string, string> = {}) =>
  articles.POST({
    request: new Request('http://127.0.0.1/api/articles', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers }
    })
  });
const ids = async () => ((await (await articles.GET({})).json()) as Array<{ id: string }>).map((a) => a.id).sort();
const stored = async () => (await server.getStore()).db.prepare('SELECT id FROM inputs ORDER BY id').pluck().all();
/** A store over the database at `path` that writes on this thread. */
const inline = (path: string) => {
  const conn = db.openDb(path);
  return new server.Store(conn, new server.InlineWriter(conn));
};
const BASRA = 'Iraqi forces killed 12 militiamen during a raid in Basra on Tuesday, officials said.';

async function expectError(res: Response, code: number, message: RegExp) {
  expect(res.status).toBe(code);
  const body = await res.json();
  expect(body.error.status).toBe(code);
  expect(body.error.message).toMatch(message);
}

describe('impossible dates', () => {
  it('are refused with 400 naming the field, and nothing is stored', async () => {
    const before = await stored();
    for (const date of ['2024-13-01', '2007-02-30', '0000-00-00', '2023-02-29', '2008-04-31']) {
      await expectError(await post({ id: `bad-${date}`, content: BASRA, date }), 400, /"date"/);
    }
    expect(await stored()).toEqual(before);
    // And the store still takes a good article, with a leap day.
    const ok = await post({ id: 'basra-leap', content: BASRA, date: '2008-02-29' });
    expect(ok.status).toBe(201);
    expect(await ids()).toContain('basra-leap');
  });

  it('in front matter or a meta tag: refused, nothing stored, later writes work', async () => {
    // An article on the same place a day earlier: today's pipeline throws merging the bad one with it.
    expect((await post({ id: 'basra-before', content: BASRA, date: '2024-12-31' })).status).toBe(201);
    const before = await stored();
    const sources = [
      { id: 'fm-date', format: 'markdown', content: `---\ntitle: Raid\ndate: 2024-13-01\n---\n\n${BASRA}\n` },
      { id: 'meta-date', format: 'html', content: `<html><head><meta property="article:published_time" content="2024-12-32"></head><body><p>${BASRA}</p></body></html>` }
    ];
    for (const s of sources) {
      const res = await post(s);
      // The reader names the field: the sender's mistake, 400, and nothing stored.
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(s.format === 'markdown' ? /front matter date/ : /meta/);
    }
    expect(await stored()).toEqual(before);
    expect((await post({ id: 'after-bad-dates', content: BASRA, date: '2008-03-25' })).status).toBe(201);
  });
});

describe('unreadable uploads', () => {
  it('get 422 with the reason, store nothing, and leave their id free', async () => {
    const before = await stored();
    await expectError(await post({ id: 'reused-id', content: 'PK\u0003\u0004\u0000\u0000binary\u0000zip' }), 422, /binary/);
    await expectError(await post({ id: 'reused-id', content: '<html><body><script>var x = 1;</script></body></html>', format: 'html' }), 422, /no readable text/);
    expect(await stored()).toEqual(before);
    const ok = await post({ id: 'reused-id', content: BASRA });
    expect(ok.status).toBe(201);
    expect((await ok.json()).article.id).toBe('reused-id');
  });

  it('a body that is not UTF-8 is a 400, not a crash', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x63, 0x6f, 0x6e, 0x74, 0x65, 0x6e, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const res = await articles.POST({ request: new Request('http://127.0.0.1/api/articles', { method: 'POST', body: bytes, headers: { 'content-type': 'application/json' } }) });
    await expectError(res, 400, /UTF-8/);
  });
});

describe('size limit', () => {
  it('refuses a body over the limit with 413 naming the limit, declared or not', async () => {
    const big = JSON.stringify({ id: 'too-big', content: 'Kirkuk. '.repeat(80_000) });
    await expectError(await post(big), 413, /512 KiB \(524288 bytes\)/);
    // Streamed without a length: counted while read.
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      }
    });
    const res = await articles.POST({
      request: new Request('http://127.0.0.1/api/articles', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit)
    });
    await expectError(res, 413, /512 KiB/);
    expect(await stored()).not.toContain('too-big');
  });

  it('the limit is the adapter variable BODY_SIZE_LIMIT', async () => {
    process.env.BODY_SIZE_LIMIT = '2K';
    try {
      await expectError(await post({ id: 'two-k', content: 'Kirkuk. '.repeat(300) }), 413, /2 KiB \(2048 bytes\)/);
      expect((await post({ id: 'under-two-k', content: BASRA })).status).toBe(201);
    } finally {
      delete process.env.BODY_SIZE_LIMIT;
    }
  });
});

describe('nesting and time', () => {
  it('a Markdown list nested 40,000 levels is read quickly; the store keeps working', async () => {
    const t = performance.now();
    const res = await post({ id: 'nested-md', format: 'markdown', content: '- '.repeat(40_000) + 'Fighting in Basra.\n' });
    expect(res.status).toBe(201);
    const res2 = await post({ id: 'nested-html', format: 'html', content: '<div>'.repeat(40_000) + 'Fighting in Basra.' + '</div>'.repeat(40_000) });
    expect(res2.status).toBe(201);
    expect(performance.now() - t).toBeLessThan(10_000);
    expect((await (await article.GET({ params: { id: 'nested-md' } })).json()).text).toBe('Fighting in Basra.');
  });

  it('reading that would take minutes is stopped at the time budget; nothing stored, the store keeps working', async () => {
    // Nested emphasis: the Markdown parser's cost grows with its square (a minute and more at this size).
    const content = 'Fighting in Basra. ' + '**a '.repeat(20_000) + 'x' + ' a**'.repeat(20_000);
    process.env.ATLAS_ARTICLE_BUDGET_MS = '1000';
    const t = performance.now();
    try {
      await expectError(await post({ id: 'emphasis', format: 'markdown', content }), 422, /longer than the 1 s allowed for one article/);
    } finally {
      delete process.env.ATLAS_ARTICLE_BUDGET_MS;
    }
    expect(performance.now() - t).toBeLessThan(5000);
    expect(await stored()).not.toContain('emphasis');
    expect((await post({ id: 'after-emphasis', content: BASRA })).status).toBe(201);
  });

  it('an article over the time budget is refused and not stored', async () => {
    process.env.ATLAS_ARTICLE_BUDGET_MS = '1';
    try {
      await expectError(await post({ id: 'slow', content: BASRA.repeat(50) }), 422, /allowed for one article/);
    } finally {
      delete process.env.ATLAS_ARTICLE_BUDGET_MS;
    }
    expect(await stored()).not.toContain('slow');
  });
});

describe('url and concurrency', () => {
  it('stores the source URL and refuses what is not an http(s) URL', async () => {
    await expectError(await post({ id: 'js-url', content: BASRA, url: 'javascript:alert(1)' }), 400, /"url"/);
    const res = await post({ id: 'with-url', content: BASRA, url: 'https://example.org/news/basra' });
    expect(res.status).toBe(201);
    expect((await res.json()).article.url).toBe('https://example.org/news/basra');
    expect((await (await article.GET({ params: { id: 'with-url' } })).json()).url).toBe('https://example.org/news/basra');
  });

  it('concurrent writes are each stored once; a retry gets the stored article, another article under its id 409', async () => {
    const results = await Promise.all([
      post({ id: 'c1', content: BASRA }),
      post({ id: 'c2', content: KIRKUK }),
      post({ id: 'c1', content: KIRKUK }),
      post({ id: 'c1', content: BASRA })
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 409, 200]);
    expect((await results[3].json()).article.text).toBe(BASRA);
    const list = await ids();
    expect(list.filter((id) => id === 'c1' || id === 'c2')).toEqual(['c1', 'c2']);
  });
});

describe('a bad article already in the database', () => {
  it('does not stop the others at start-up, and later writes still work', async () => {
    // A database written before dates were checked: one stored input that makes the pipeline fail.
    const path = join(dir, 'poisoned.sqlite');
    const raw = db.openDb(path);
    db.saveInputs(raw, [
      { id: 'kirkuk', content: KIRKUK, format: 'text' },
      { id: 'basra-first', content: BASRA, format: 'text', date: '2024-12-31' },
      { id: 'poison', content: BASRA, format: 'text', date: '2024-13-01' }
    ]);
    raw.close();
    const store = inline(path);
    await store.reextract();
    expect(store.lastErrors.map((e) => e.article)).toContain('poison');
    const kirkuk = db.getArticle(store.db, 'kirkuk');
    expect(kirkuk?.text).toContain('Kirkuk');
    const fc = JSON.parse(db.featureCollectionJson(store.db));
    expect(fc.features.some((f: { properties: { place_name?: string } }) => f.properties.place_name === 'Kirkuk')).toBe(true);
    await store.addArticle({ id: 'basra', content: BASRA, date: '2008-03-25' });
    expect(db.listArticles(store.db).map((a) => a.id).sort()).toEqual(['basra', 'basra-first', 'kirkuk']);
    expect(new Database(path, { readonly: true }).prepare('SELECT count(*) FROM inputs').pluck().get()).toBe(4);
    // The same at the next start: the server opens and serves the others.
    const again = inline(path);
    await again.reextract();
    expect(again.lastErrors.map((e) => e.article)).toEqual(['poison']);
    expect(db.listArticles(again.db)).toHaveLength(3);
  });

  it('an article stored before there was a time budget does not freeze the start', async () => {
    const path = join(dir, 'slow.sqlite');
    const raw = db.openDb(path);
    db.saveInputs(raw, [
      { id: 'kirkuk', content: KIRKUK, format: 'text' },
      { id: 'emphasis', content: 'Fighting in Basra. ' + '**a '.repeat(20_000) + 'x' + ' a**'.repeat(20_000), format: 'markdown' }
    ]);
    raw.close();
    process.env.ATLAS_ARTICLE_BUDGET_MS = '1000';
    const t = performance.now();
    try {
      const store = inline(path);
      await store.reextract();
      expect(store.lastErrors).toEqual([{ article: 'emphasis', message: expect.stringMatching(/longer than the 1 s allowed/) }]);
      expect(db.listArticles(store.db).map((a) => a.id)).toEqual(['kirkuk']);
    } finally {
      delete process.env.ATLAS_ARTICLE_BUDGET_MS;
    }
    expect(performance.now() - t).toBeLessThan(6000);
  });

  it('the status reports the articles that could not be read', async () => {
    const s = await (await status.GET({})).json();
    expect(Array.isArray(s.errors)).toBe(true);
  });
});
