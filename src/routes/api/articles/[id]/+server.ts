import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getStore } from '$lib/server/store';
import { getArticle, inputUrl } from '$lib/server/db';
import { apiError } from '$lib/server/http';

/** One read article: its plain text, body/excluded spans and every recognised toponym. */
export const GET: RequestHandler = async ({ params }) => {
  const store = await getStore();
  const article = getArticle(store.db, params.id);
  if (!article) return apiError(404, `No article with id "${params.id}"`);
  return json({ ...article, url: inputUrl(store.db, params.id) });
};
