import type { RequestHandler } from './$types';
import { getStore } from '$lib/server/store';
import { featureCollectionJson } from '$lib/server/db';

/** Every incident and route as one GeoJSON FeatureCollection (RFC 7946). */
export const GET: RequestHandler = async () => {
  const store = await getStore();
  return new Response(featureCollectionJson(store.db), {
    headers: { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'no-store' }
  });
};
