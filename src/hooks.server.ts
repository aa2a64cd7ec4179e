import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getStore } from '$lib/server/store';

/** Open the store (and seed it on first start) before the first request rather than during it. */
export const init: ServerInit = async () => {
  await getStore();
};

export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'no-referrer');
  return response;
};

export const handleError: HandleServerError = ({ error, status, message }) => {
  if (status >= 500) console.error(error);
  return { message };
};
