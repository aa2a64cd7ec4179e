import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { RequestHandler } from './$types';
import { getStore } from '$lib/server/store';
import { featureCollectionJson } from '$lib/server/db';

const gzipAsync = promisify(gzip);

/** The serialised collection for one version of the store: built once, sent gzipped when the client accepts it. */
let cached: { version: string; etag: string; body: string; gz: Promise<Buffer> } | null = null;

/** Every incident and route as one GeoJSON FeatureCollection (RFC 7946). */
export const GET: RequestHandler = async ({ request }) => {
  const store = await getStore();
  const version = store.changeVersion;
  if (cached?.version !== version) {
    const body = featureCollectionJson(store.db);
    cached = { version, etag: `"f${version}-${body.length}"`, body, gz: gzipAsync(body, { level: 6 }) };
  }
  const c = cached;
  const headers: Record<string, string> = {
    'content-type': 'application/geo+json; charset=utf-8',
    'cache-control': 'no-cache',
    etag: c.etag,
    vary: 'accept-encoding'
  };
  if (request.headers.get('if-none-match') === c.etag) return new Response(null, { status: 304, headers });
  if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
    return new Response(new Uint8Array(await c.gz), { headers: { ...headers, 'content-encoding': 'gzip' } });
  }
  return new Response(c.body, { headers });
};
