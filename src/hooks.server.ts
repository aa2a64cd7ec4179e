import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { allowedHosts, refusal } from '$lib/server/hosts';
import { describeAccess, writeAccess, writeRefusal } from '$lib/server/access';

/** Headers every response carries, the static files (served before this hook runs) included. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
};

/**
 * adapter-node serves the files of build/client itself, before any hook: the headers are set on each response of
 * this process's HTTP server as the request comes in (a page or API response may set its own over them).
 */
function securityHeadersOnEveryResponse(): void {
  const proto = http.Server.prototype as unknown as { emit: (event: string, ...args: unknown[]) => boolean; __atlasHeaders?: boolean };
  if (proto.__atlasHeaders) return;
  proto.__atlasHeaders = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const res = args[1] as http.ServerResponse;
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    }
    return emit.call(this, event, ...args);
  };
}

/** Read once: the names this server answers to (see hosts.ts), and who may write (see access.ts). */
const allowed = allowedHosts();
const access = writeAccess();

/** Open the store (and seed it on first start) before the first request rather than during it. */
export const init: ServerInit = async () => {
  securityHeadersOnEveryResponse();
  console.log(describeAccess(access));
  await getStore();
};

const requestIds = new WeakMap<Request, string>();

const jsonError = (status: number, message: string, id: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error: { status, message, ...(status >= 500 ? { request_id: id } : {}) } }), {
    status,
    headers: { 'content-type': 'application/json', ...headers }
  });

export const handle: Handle = async ({ event, resolve }) => {
  const id = randomUUID().slice(0, 8);
  requestIds.set(event.request, id);
  const { method, headers } = event.request;
  const api = event.url.pathname === '/api' || event.url.pathname.startsWith('/api/');
  const why = refusal(method, headers, allowed, process.env.ORIGIN);
  const denied = why ? { status: 403 as const, message: why } : writeRefusal(method, headers, access);
  let response: Response;
  if (denied) response = jsonError(denied.status, denied.message, id, denied.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
  else {
    response = await resolve(event);
    // Every API error is JSON: SvelteKit's own 404 (no such route) and 405 (method not allowed) included.
    if (api && response.status >= 400 && !(response.headers.get('content-type') ?? '').includes('json')) {
      const text = await response.text().catch(() => '');
      const extra: Record<string, string> = {};
      const allow = response.headers.get('allow');
      if (allow) extra.allow = allow;
      const message =
        response.status === 404
          ? `No API endpoint at ${event.url.pathname}`
          : response.status === 405
            ? `${method} is not allowed on ${event.url.pathname}${allow ? `; allowed: ${allow}` : ''}`
            : text.slice(0, 200) || http.STATUS_CODES[response.status] || 'Error';
      response = jsonError(response.status, message, id, extra);
    }
  }
  if (response.status >= 500) console.error(`request ${id}: ${method} ${event.url.pathname} answered ${response.status}`);
  response.headers.set('x-request-id', id);
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!response.headers.has(k)) response.headers.set(k, v);
  return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const id = requestIds.get(event.request) ?? randomUUID().slice(0, 8);
  if (status >= 500) console.error(`request ${id}: ${event.request.method} ${event.url.pathname} failed:`, error);
  return { message: status >= 500 ? `${message} (request ${id})` : message };
};
