import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';
import { allowedHosts, refusal } from '$lib/server/hosts';

/** Open the store (and seed it on first start) before the first request rather than during it. */
export const init: ServerInit = async () => {
  await getStore();
};

/** Read once: the names this server answers to (see hosts.ts). */
const allowed = allowedHosts();

export const handle: Handle = async ({ event, resolve }) => {
  const why = refusal(event.request.method, event.request.headers, allowed, process.env.ORIGIN);
  const response = why
    ? new Response(JSON.stringify({ error: { status: 403, message: why } }), { status: 403, headers: { 'content-type': 'application/json' } })
    : await resolve(event);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'no-referrer');
  return response;
};

export const handleError: HandleServerError = ({ error, status, message }) => {
  if (status >= 500) console.error(error);
  return { message };
};
