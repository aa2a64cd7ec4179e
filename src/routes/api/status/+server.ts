import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getStore } from '$lib/server/store';
import { featureCount, getMeta, listArticles } from '$lib/server/db';

export const GET: RequestHandler = async () => {
  const store = await getStore();
  return json({
    articles: listArticles(store.db).length,
    ...featureCount(store.db),
    pipeline: store.canExtract,
    source: getMeta(store.db, 'source'),
    extracted_at: getMeta(store.db, 'extracted_at'),
    errors: store.lastErrors
  });
};
