/**
 * The built server over real HTTP (`node build`, as `npm start` runs it): the Host check and the body limit
 * are those of the running server, adapter included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, startServer, type RunningServer } from '../browser/server';
import { openDb, saveInputs } from '../../src/lib/server/db';

const dir = mkdtempSync(join(tmpdir(), 'atlas-http-'));
let server: RunningServer;
let port: number;

beforeAll(async () => {
  mkdirSync(join(dir, 'seeds'));
  writeFileSync(join(dir, 'seeds', 'kirkuk.txt'), 'A roadside bomb killed three Iraqi soldiers in Kirkuk on March 3, 2008, police said.\n');
  buildIfStale();
  server = await startServer({ ATLAS_DB: join(dir, 'atlas.sqlite'), ATLAS_SEEDS: join(dir, 'seeds') });
  port = Number(new URL(server.baseURL).port);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** One raw HTTP request, with the Host header we choose. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('the running server', () => {
  it('refuses a rebinding Host, for reads and writes', async () => {
    const body = JSON.stringify({ id: 'rebound', content: 'Fighting in Basra.' });
    const write = await send('POST', '/api/articles', { host: 'evil.example', 'content-type': 'application/json', 'content-length': String(body.length) }, body);
    expect(write.status).toBe(403);
    expect(write.type).toMatch(/json/);
    expect(JSON.parse(write.text).error.message).toMatch(/"evil\.example" is not served here/);
    const read = await send('GET', '/api/features', { host: `evil.example:${port}` });
    expect(read.status).toBe(403);
    const list = await send('GET', '/api/articles', { host: `127.0.0.1:${port}` });
    expect(JSON.parse(list.text).map((a: { id: string }) => a.id)).toEqual(['kirkuk']);
  });

  it('answers a body over the limit with a JSON 413 naming the limit the server enforces', async () => {
    const body = JSON.stringify({ id: 'big', content: 'Fighting in Basra. '.repeat(30_000) });
    const res = await send('POST', '/api/articles', { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, body);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.message).toMatch(/512 KiB \(524288 bytes\)/);
    // Just under the limit is accepted (padding that costs nothing to read).
    const under = JSON.stringify({ id: 'under', content: 'Fighting in Basra.' + ' '.repeat(500_000) });
    expect(Buffer.byteLength(under)).toBeLessThan(512 * 1024);
    const ok = await send('POST', '/api/articles', { host: `localhost:${port}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(under)) }, under);
    expect(ok.status, ok.text).toBe(201);
  });

  it('refuses an impossible date with 400 naming the field', async () => {
    const body = JSON.stringify({ id: 'bad-date', content: 'Fighting in Basra.', date: '2024-13-01' });
    const res = await send('POST', '/api/articles', { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': String(body.length) }, body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.message).toMatch(/"date"/);
  });
});

describe('a database holding an article that breaks the pipeline', () => {
  it('the server still starts, serves the other articles and says which one it left out', async () => {
    const path = join(dir, 'poisoned.sqlite');
    const db = openDb(path);
    const basra = 'Iraqi forces killed 12 militiamen during a raid in Basra on Tuesday, officials said.';
    saveInputs(db, [
      { id: 'kirkuk', content: 'A roadside bomb killed three Iraqi soldiers in Kirkuk on March 3, 2008, police said.', format: 'text' },
      { id: 'basra', content: basra, format: 'text', date: '2024-12-31' },
      // Stored before dates were checked: merging it with the article above throws.
      { id: 'poison', content: basra, format: 'text', date: '2024-13-01' }
    ]);
    db.close();
    const poisoned = await startServer({ ATLAS_DB: path, ATLAS_SEEDS: join(dir, 'seeds') });
    try {
      const status = await (await fetch(`${poisoned.baseURL}/api/status`)).json();
      expect(status.errors.map((e: { article: string }) => e.article)).toEqual(['poison']);
      const fc = await (await fetch(`${poisoned.baseURL}/api/features`)).json();
      const places = fc.features.map((f: { properties: { place_name?: string } }) => f.properties.place_name);
      expect(places).toContain('Kirkuk');
      // GeoNames spells the city Basrah.
      expect(places).toContain('Basrah');
    } finally {
      await poisoned.stop();
    }
  });
});
