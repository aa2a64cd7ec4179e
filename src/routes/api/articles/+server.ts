import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { ArticleRejected, getStore } from '$lib/server/store';
import { listArticles } from '$lib/server/db';
import { apiError, isCalendarDate, readBodyText } from '$lib/server/http';
import type { StoredInput } from '$lib/server/db';

export const GET: RequestHandler = async () => {
  const store = await getStore();
  return json(listArticles(store.db));
};

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_TITLE = 1000;
const MAX_URL = 2048;

/** An http(s) URL, or null when it is not one. */
function sourceUrl(value: string): string | null {
  if (value.length > MAX_URL) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Adds an article: `{ "content": "…", "id"?: "…", "title"?: "…", "date"?: "YYYY-MM-DD", "url"?: "https://…",
 * "format"?: "text" | "markdown" | "html" }`. 201 with the article as read (200 and the stored article when the same
 * article is sent again under its id); nothing is stored when it is refused:
 * 400 a field is wrong (named in the message), 409 the id is taken, 413 the body is over the limit, 415 not JSON,
 * 422 the content cannot be read.
 */
export const POST: RequestHandler = async ({ request }) => {
  const store = await getStore();
  if (!store.canExtract) return apiError(503, 'The events pipeline is not available in this build; articles cannot be added');
  if (!(request.headers.get('content-type') ?? '').includes('application/json'))
    return apiError(415, 'Send the article as JSON (content-type: application/json)');
  const text = await readBodyText(request);
  if (text instanceof Response) return text;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(400, 'The request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return apiError(400, 'Expected a JSON object');
  const { content, title, date, format, url } = body;
  if (typeof content !== 'string' || content.trim() === '') return apiError(400, '"content" must be a non-empty string');
  if (title != null && (typeof title !== 'string' || title.length > MAX_TITLE)) return apiError(400, `"title" must be a string of at most ${MAX_TITLE} characters`);
  if (date != null && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))) return apiError(400, '"date" must be YYYY-MM-DD');
  if (date != null && !isCalendarDate(date as string)) return apiError(400, `"date" is not a date of the calendar: ${date}`);
  if (url != null && (typeof url !== 'string' || sourceUrl(url) === null))
    return apiError(400, `"url" must be an http or https URL of at most ${MAX_URL} characters`);
  if (format != null && !['text', 'markdown', 'html'].includes(format as string))
    return apiError(400, '"format" must be one of text, markdown, html');
  const id = body.id ?? `upload-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  if (typeof id !== 'string' || !ID.test(id)) return apiError(400, '"id" may hold letters, digits, ".", "_" and "-" (at most 128)');
  const input: StoredInput = {
    id,
    content,
    title: (title as string | null) ?? null,
    date: (date as string | null) ?? null,
    url: url == null ? null : sourceUrl(url as string),
    format: format as StoredInput['format']
  };
  let added;
  try {
    added = await store.addArticle(input);
  } catch (e) {
    if (e instanceof ArticleRejected) return apiError(e.status, e.message);
    console.error(e);
    return apiError(500, 'The article could not be stored');
  }
  return json(
    { article: { ...added.article, url: input.url } },
    { status: added.created ? 201 : 200, headers: { location: `/api/articles/${encodeURIComponent(id)}` } }
  );
};
