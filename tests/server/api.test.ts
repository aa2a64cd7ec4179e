/** The JSON API, called in-process over a temporary database seeded with one article. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { check } from '@placemarkio/check-geojson';

const dir = mkdtempSync(join(tmpdir(), 'atlas-api-'));
mkdirSync(join(dir, 'seeds'));
writeFileSync(
  join(dir, 'seeds', 'kirkuk.txt'),
  'Bomb kills three in Kirkuk\n\nA roadside bomb killed three Iraqi soldiers and wounded five in Kirkuk on March 3, 2008, police said.\n'
);
process.env.ATLAS_DB = join(dir, 'atlas.sqlite');
process.env.ATLAS_SEEDS = join(dir, 'seeds');

type Handler = (event: unknown) => Promise<Response>;
let features: { GET: Handler };
let articles: { GET: Handler; POST: Handler };
let article: { GET: Handler };
let status: { GET: Handler };

beforeAll(async () => {
  features = (await import('../../src/routes/api/features/+server')) as never;
  articles = (await import('../../src/routes/api/articles/+server')) as never;
  article = (await import('../../src/routes/api/articles/[id]/+server')) as never;
  status = (await import('../../src/routes/api/status/+server')) as never;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (h: { GET: Handler }, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  h.GET({ params, request: new Request('http://127.0.0.1/', { headers }) });
const post = (body: string, type = 'application/json') =>
  articles.POST({ request: new Request('http://127.0.0.1/api/articles', { method: 'POST', body, headers: { 'content-type': type } }) });

describe('API', () => {
  it('seeds the store from the seeds directory at first start', async () => {
    const s = await (await get(status)).json();
    expect(s).toMatchObject({ articles: 1, pipeline: true, source: 'pipeline' });
    expect(s.incidents).toBeGreaterThan(0);
  });

  it('serves valid GeoJSON, gzipped on request, with an ETag', async () => {
    const plain = await get(features);
    expect(plain.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const text = await plain.text();
    const fc = check(text) as unknown as { features: Array<{ properties: { place_name?: string; killed?: number } }> };
    expect(fc.features.some((f) => f.properties.place_name === 'Kirkuk' && f.properties.killed === 3)).toBe(true);

    const zipped = await get(features, {}, { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(text);

    const etag = plain.headers.get('etag')!;
    expect((await get(features, {}, { 'if-none-match': etag })).status).toBe(304);
  });

  it('returns an article with its text and toponyms, and a JSON 404 for an unknown one', async () => {
    const a = await (await get(article, { id: 'kirkuk' })).json();
    expect(a.text).toContain('Kirkuk');
    const t = a.toponyms.find((x: { text: string }) => x.text === 'Kirkuk');
    expect(a.text.slice(t.start, t.end)).toBe('Kirkuk');
    const missing = await get(article, { id: 'nope' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { status: 404, message: 'No article with id "nope"' } });
  });

  it('rejects bad article uploads with clear errors', async () => {
    const cases: Array<[Response, number, RegExp]> = [
      [await post('content=x', 'application/x-www-form-urlencoded'), 415, /JSON/],
      [await post('{not json'), 400, /not valid JSON/],
      [await post('[]'), 400, /JSON object/],
      [await post(JSON.stringify({ content: '   ' })), 400, /content/],
      [await post(JSON.stringify({ content: 'x', date: '3 March' })), 400, /YYYY-MM-DD/],
      [await post(JSON.stringify({ content: 'x', format: 'pdf' })), 400, /format/],
      [await post(JSON.stringify({ content: 'x', id: '../etc' })), 400, /id/],
      [await post(JSON.stringify({ content: 'x', id: 'kirkuk' })), 409, /already exists/]
    ];
    for (const [res, code, message] of cases) {
      expect(res.status).toBe(code);
      const body = await res.json();
      expect(body.error.status).toBe(code);
      expect(body.error.message).toMatch(message);
    }
  });

  it('adds an article and maps what it reports', async () => {
    const res = await post(
      JSON.stringify({
        id: 'basra-raid',
        title: 'Raid in Basra',
        date: '2008-03-25',
        content: 'Iraqi forces killed 12 militiamen during a raid in Basra on Tuesday, officials said.'
      })
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/articles/basra-raid');
    const { article: a } = await res.json();
    expect(a.toponyms.some((t: { text: string }) => t.text === 'Basra')).toBe(true);
    const fc = await (await get(features)).json();
    const sourced = fc.features.filter((f: { properties: { sources: Array<{ article: string }> } }) =>
      f.properties.sources.some((s) => s.article === 'basra-raid')
    );
    expect(sourced.length).toBeGreaterThan(0);
    const list = await (await get(articles)).json();
    expect(list.map((x: { id: string }) => x.id).sort()).toEqual(['basra-raid', 'kirkuk']);
  });
});
