import { json } from '@sveltejs/kit';

/** Every API error has the same shape: `{ "error": { "status": 404, "message": "…" } }`. */
export function apiError(status: number, message: string): Response {
  return json({ error: { status, message } }, { status });
}
