/** The server hook on its own: API errors as JSON, request ids on 5xx, and the refusals before any route runs. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

let handle: unknown;
let handleError: unknown;
beforeAll(async () => {
  // The hook reads its policy once: as `atlas serve` runs it, on loopback.
  process.env.HOST = '127.0.0.1';
  ({ handle, handleError } = await import('../../src/hooks.server'));
});

type Resolve = (e: unknown) => Promise<Response>;
const event = (path: string, method = 'GET', headers: Record<string, string> = {}) => {
  const url = new URL(`http://127.0.0.1:4173${path}`);
  return { url, request: new Request(url, { method, headers: { host: '127.0.0.1:4173', ...headers } }) };
};
const run = (e: ReturnType<typeof event>, resolve: Resolve) => (handle as unknown as (i: { event: unknown; resolve: Resolve }) => Promise<Response>)({ event: e, resolve });

afterEach(() => vi.restoreAllMocks());

describe('the server hook', () => {
  it('turns SvelteKit 404 and 405 pages under /api into JSON errors, keeping Allow', async () => {
    const missing = await run(event('/api/nowhere'), async () => new Response('<html>Not found</html>', { status: 404, headers: { 'content-type': 'text/html' } }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { status: 404, message: 'No API endpoint at /api/nowhere' } });
    const method = await run(event('/api/features', 'PUT'), async () => new Response('PUT method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } }));
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET, HEAD');
    expect((await method.json()).error.message).toMatch(/PUT is not allowed on \/api\/features; allowed: GET, HEAD/);
    // A page outside the API keeps its own error page.
    const page = await run(event('/nowhere'), async () => new Response('<html>Not found</html>', { status: 404, headers: { 'content-type': 'text/html' } }));
    expect(await page.text()).toMatch(/<html>/);
  });

  it('logs a 5xx with the request id it answers with', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await run(event('/api/articles', 'GET'), async () => new Response('boom', { status: 500 }));
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect((await res.json()).error).toMatchObject({ status: 500, request_id: id });
    expect(log.mock.calls.flat().join(' ')).toContain(`request ${id}: GET /api/articles answered 500`);
  });

  it('an unexpected error is logged with the request id, which the answer names', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const e = event('/');
    const out = (handleError as unknown as (i: unknown) => { message: string })({ error: new Error('kaput'), event: e, status: 500, message: 'Internal Error' });
    const id = /request ([0-9a-f]{8})/.exec(out.message)?.[1];
    expect(id).toBeTruthy();
    expect(log.mock.calls.flat().map(String).join(' ')).toContain(`request ${id}: GET / failed`);
  });

  it('refuses a write from another site before any route runs', async () => {
    let ran = false;
    const res = await run(event('/api/articles', 'POST', { origin: 'https://evil.example', 'content-type': 'application/json' }), async () => {
      ran = true;
      return new Response('{}');
    });
    expect(res.status).toBe(403);
    expect(ran).toBe(false);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
