import { json } from '@sveltejs/kit';

/** Every API error has the same shape: `{ "error": { "status": 404, "message": "…" } }`. */
export function apiError(status: number, message: string): Response {
  return json({ error: { status, message } }, { status });
}

/** A size as adapter-node reads BODY_SIZE_LIMIT: bytes, or a number followed by K, M or G (powers of 1024). */
export function parseBytes(value: string): number {
  const multiplier = ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[value.at(-1)?.toUpperCase() ?? ''] ?? 1;
  return Number(multiplier !== 1 ? value.slice(0, -1) : value) * multiplier;
}

/**
 * The largest request body the server accepts, in bytes. It is the adapter's own limit (BODY_SIZE_LIMIT, 512K
 * unless set), applied here too, so the limit the API names is the one the server enforces.
 */
export function bodyLimit(): number {
  const n = parseBytes(process.env.BODY_SIZE_LIMIT ?? '512K');
  return Number.isNaN(n) || n <= 0 ? 512 * 1024 : n;
}

export function describeBytes(n: number): string {
  if (n === Infinity) return 'no limit';
  if (n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MiB (${n} bytes)`;
  if (n % 1024 === 0) return `${n / 1024} KiB (${n} bytes)`;
  return `${n} bytes`;
}

/** The request body as UTF-8 text, or the error response: 413 past `limit` bytes, 400 when it is not UTF-8. */
export async function readBodyText(request: Request, limit = bodyLimit()): Promise<string | Response> {
  const tooLarge = () =>
    apiError(413, `The request body is larger than the limit of ${describeBytes(limit)}; BODY_SIZE_LIMIT sets it`);
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return tooLarge();
      }
      chunks.push(value);
    }
  } catch (e) {
    // adapter-node stops a body past its limit with a 413 error of its own.
    if ((e as { status?: number }).status === 413) return tooLarge();
    return apiError(400, 'The request body could not be read');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return apiError(400, 'The request body is not valid UTF-8');
  }
}

/** A real calendar date written YYYY-MM-DD (no month 13, no 30 February, no year, month or day 0). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(2000, mo, 0)).getUTCDate() - (mo === 2 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0);
}
