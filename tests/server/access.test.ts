/**
 * Who may write, and what every answer carries, against the built server over real HTTP (`node build`, as
 * `npm start` runs it), started from another working directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, freePort, root } from '../browser/server';
import { isLoopback, writeAccess, writeRefusal } from '../../src/lib/server/access';

const dir = mkdtempSync(join(tmpdir(), 'atlas-access-'));
const elsewhere = join(dir, 'elsewhere');
mkdirSync(elsewhere);
mkdirSync(join(dir, 'seeds'));
writeFileSync(join(dir, 'seeds', 'kirkuk.txt'), 'A roadside bomb killed three Iraqi soldiers in Kirkuk on March 3, 2008, police said.\n');

interface Running {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `node build` from a working directory that is not the application's, on a free port. */
async function start(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(root, 'build')], {
    cwd: elsewhere,
    env: { ...process.env, PORT: String(port), ATLAS_SEEDS: join(dir, 'seeds'), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await exited;
    }
  };
  const url = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 120_000; ; ) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/status`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      await stop();
      throw new Error(`the server did not answer:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, output: () => output, stop };
}

const post = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/articles`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

describe('the write policy', () => {
  it('loopback is open; any other address needs the token, or is read-only without one', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '']) expect(isLoopback(h)).toBe(false);
    expect(writeAccess({ HOST: '127.0.0.1' })).toEqual({ mode: 'open' });
    expect(writeAccess({})).toEqual({ mode: 'read-only' }); // adapter-node listens on 0.0.0.0 then
    expect(writeAccess({ HOST: '0.0.0.0', ATLAS_TOKEN: 's3cret' })).toEqual({ mode: 'token', token: 's3cret' });
    expect(writeAccess({ SOCKET_PATH: '/run/atlas.sock' })).toEqual({ mode: 'open' });
    const token = writeAccess({ HOST: '10.0.0.5', ATLAS_TOKEN: 's3cret' });
    const h = (auth?: string) => new Headers(auth ? { authorization: auth } : {});
    expect(writeRefusal('GET', h(), token)).toBeNull();
    expect(writeRefusal('POST', h(), token)?.status).toBe(401);
    expect(writeRefusal('POST', h('Bearer wrong'), token)?.status).toBe(401);
    expect(writeRefusal('DELETE', h('Bearer s3cret'), token)).toBeNull();
    expect(writeRefusal('POST', h('Bearer s3cret'), { mode: 'read-only' })?.status).toBe(403);
  });
});

describe('the built server on loopback, started from another directory', () => {
  let server: Running;
  const db = join(dir, 'loopback', 'atlas.sqlite');
  beforeAll(async () => {
    buildIfStale();
    server = await start({ HOST: '127.0.0.1', ATLAS_DB: db });
  });
  afterAll(async () => server?.stop());

  it('finds its gazetteer and seeds, takes writes, and creates its database owner-only', async () => {
    const fc = await (await fetch(`${server.url}/api/features`)).json();
    expect(fc.features.some((f: { properties: { place_name?: string } }) => f.properties.place_name === 'Kirkuk')).toBe(true);
    const res = await post(server.url, { id: 'basra', content: 'Iraqi forces killed 12 militiamen during a raid in Basra on March 25, 2008.' });
    expect(res.status).toBe(201);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(server.output()).toMatch(/writes are open to this machine/);
  });

  it('answers every API error in JSON, 404 and 405 included', async () => {
    const missing = await fetch(`${server.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/json/);
    expect((await missing.json()).error).toMatchObject({ status: 404, message: expect.stringMatching(/No API endpoint/) });
    const method = await fetch(`${server.url}/api/features`, { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(method.headers.get('content-type')).toMatch(/json/);
    expect((await method.json()).error.status).toBe(405);
    const unknown = await fetch(`${server.url}/api/articles/nope`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.status).toBe(404);
  });

  it('sends the security headers with static files too, and a request id', async () => {
    for (const path of ['/_app/version.json', '/api/status', '/']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
    expect((await fetch(`${server.url}/api/status`)).headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('refuses a JSON write from another site', async () => {
    const res = await post(server.url, { content: 'Fighting in Basra.' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/evil\.example/);
  });
});

describe('the built server on a non-local address', () => {
  it('without ATLAS_TOKEN: read-only, and says so', async () => {
    const server = await start({ HOST: '0.0.0.0', ATLAS_DB: join(dir, 'open', 'atlas.sqlite'), ATLAS_TOKEN: '' });
    try {
      expect(server.output()).toMatch(/READ-ONLY/);
      const res = await post(server.url, { content: 'Fighting in Basra.' });
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toMatch(/read-only/);
      expect((await fetch(`${server.url}/api/features`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('with ATLAS_TOKEN: writes need it', async () => {
    const server = await start({ HOST: '0.0.0.0', ATLAS_DB: join(dir, 'token', 'atlas.sqlite'), ATLAS_TOKEN: 'a-long-random-token' });
    try {
      const body = { id: 'basra', content: 'Iraqi forces killed 12 militiamen during a raid in Basra on March 25, 2008.' };
      const without = await post(server.url, body);
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toBe('Bearer');
      expect((await post(server.url, body, { authorization: 'Bearer wrong' })).status).toBe(401);
      expect((await post(server.url, body, { authorization: 'Bearer a-long-random-token' })).status).toBe(201);
    } finally {
      await server.stop();
    }
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
