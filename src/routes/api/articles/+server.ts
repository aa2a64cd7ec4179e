import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getStore } from '$lib/server/store';
import { getArticle, hasInput, listArticles } from '$lib/server/db';
import { apiError } from '$lib/server/http';
import type { ArticleInput } from '$lib/events/types';

export const GET: RequestHandler = async () => {
  const store = await getStore();
  return json(listArticles(store.db));
};

const MAX_CONTENT = 2_000_000;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Adds an article: `{ "content": "…", "id"?: "…", "title"?: "…", "date"?: "YYYY-MM-DD", "format"?: "text" | "markdown" | "html" }`.
 * The whole corpus is re-read so incidents reported by several articles merge.
 */
export const POST: RequestHandler = async ({ request }) => {
  const store = await getStore();
  if (!store.canExtract) return apiError(503, 'The events pipeline is not available in this build; articles cannot be added');
  if (!(request.headers.get('content-type') ?? '').includes('application/json'))
    return apiError(415, 'Send the article as JSON (content-type: application/json)');
  let body: Record<string, unknown>;
  try {
    body = await request.json();
  } catch {
    return apiError(400, 'The request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return apiError(400, 'Expected a JSON object');
  const { content, title, date, format } = body;
  if (typeof content !== 'string' || content.trim() === '') return apiError(400, '"content" must be a non-empty string');
  if (content.length > MAX_CONTENT) return apiError(413, `"content" is longer than ${MAX_CONTENT} characters`);
  if (title != null && typeof title !== 'string') return apiError(400, '"title" must be a string');
  if (date != null && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))) return apiError(400, '"date" must be YYYY-MM-DD');
  if (format != null && !['text', 'markdown', 'html'].includes(format as string))
    return apiError(400, '"format" must be one of text, markdown, html');
  const id = body.id ?? `upload-${Date.now().toString(36)}`;
  if (typeof id !== 'string' || !ID.test(id)) return apiError(400, '"id" may hold letters, digits, ".", "_" and "-" (at most 128)');
  if (hasInput(store.db, id)) return apiError(409, `An article with id "${id}" already exists`);
  const input: ArticleInput = { id, content, title: (title as string) ?? null, date: (date as string) ?? null, format: format as ArticleInput['format'] };
  try {
    await store.addArticle(input);
  } catch (e) {
    return apiError(500, `The article could not be read: ${(e as Error).message}`);
  }
  return json({ article: getArticle(store.db, id) }, { status: 201, headers: { location: `/api/articles/${encodeURIComponent(id)}` } });
};
