/** Who may talk to the server: Host names (against DNS rebinding) and, on writes, the page's Origin. */
import { beforeAll, describe, expect, it } from 'vitest';
import { allowedHosts, hostName, refusal } from '../../src/lib/server/hosts';

let handle: typeof import('../../src/hooks.server').handle;
beforeAll(async () => {
  // The hook reads its policy once: as `atlas serve` runs it, on loopback (writes open).
  process.env.HOST = '127.0.0.1';
  ({ handle } = await import('../../src/hooks.server'));
});

const headers = (h: Record<string, string>) => new Headers(h);

describe('Host names', () => {
  it('reads the name from a Host header', () => {
    expect(hostName('LocalHost:4173')).toBe('localhost');
    expect(hostName('127.0.0.1:80')).toBe('127.0.0.1');
    expect(hostName('[::1]:4173')).toBe('[::1]');
    expect(hostName('atlas.example.org.')).toBe('atlas.example.org');
  });

  it('allows loopback by default, plus ATLAS_ALLOWED_HOSTS, HOST and ORIGIN', () => {
    expect([...allowedHosts({})].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
    expect(allowedHosts({ HOST: '0.0.0.0' }).has('0.0.0.0')).toBe(false);
    const env = { ATLAS_ALLOWED_HOSTS: 'atlas.lan, 10.0.0.5', HOST: '192.168.1.20', ORIGIN: 'https://atlas.example.org' };
    const names = allowedHosts(env);
    for (const n of ['atlas.lan', '10.0.0.5', '192.168.1.20', 'atlas.example.org', 'localhost']) expect(names.has(n)).toBe(true);
  });

  it('refuses a rebinding host for reads and writes, naming it and the allowed names', () => {
    const allowed = allowedHosts({});
    for (const method of ['GET', 'POST', 'DELETE']) {
      const why = refusal(method, headers({ host: 'evil.example' }), allowed);
      expect(why).toMatch(/"evil\.example" is not served here/);
      expect(why).toMatch(/localhost, 127\.0\.0\.1, \[::1\]/);
    }
    expect(refusal('GET', headers({}), allowed)).toMatch(/Host header is required/);
    expect(refusal('POST', headers({ host: '127.0.0.1:4173' }), allowed)).toBeNull();
    expect(refusal('GET', headers({ host: 'localhost:4173' }), allowed)).toBeNull();
  });

  it('refuses writes from another page even on an allowed host', () => {
    const allowed = allowedHosts({});
    expect(refusal('POST', headers({ host: '127.0.0.1:4173', origin: 'http://evil.example' }), allowed)).toMatch(/evil\.example are not accepted/);
    expect(refusal('POST', headers({ host: '127.0.0.1:4173', origin: 'http://127.0.0.1:9999' }), allowed)).toMatch(/not accepted/);
    expect(refusal('POST', headers({ host: '127.0.0.1:4173', origin: 'null' }), allowed)).toMatch(/opaque origin/);
    expect(refusal('POST', headers({ host: '127.0.0.1:4173', origin: 'http://127.0.0.1:4173' }), allowed)).toBeNull();
    // Behind a proxy: the public ORIGIN may write to the server the proxy reaches by loopback.
    expect(refusal('POST', headers({ host: '127.0.0.1:4173', origin: 'https://atlas.example.org' }), allowed, 'https://atlas.example.org')).toBeNull();
    expect(refusal('POST', headers({ host: '127.0.0.1:4173', origin: 'https://evil.example' }), allowed, 'https://atlas.example.org')).toMatch(/not accepted/);
    // A read from another page is the browser's business (CORS), not a write.
    expect(refusal('GET', headers({ host: '127.0.0.1:4173', origin: 'http://evil.example' }), allowed)).toBeNull();
  });

  it('the server hook answers a refused request with a JSON 403 and never reaches the routes', async () => {
    let reached = 0;
    const resolve = async () => {
      reached++;
      return new Response('ok');
    };
    const event = (host: string, method = 'POST') => ({
      url: new URL('http://127.0.0.1/api/articles'),
      request: new Request('http://127.0.0.1/api/articles', { method, headers: { host } })
    });
    const refused = await handle({ event: event('evil.example') as never, resolve });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/json/);
    expect((await refused.json()).error.message).toMatch(/evil\.example/);
    expect(reached).toBe(0);
    const ok = await handle({ event: event('127.0.0.1:4173') as never, resolve });
    expect(ok.status).toBe(200);
    expect(reached).toBe(1);
  });
});
