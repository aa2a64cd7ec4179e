/** Display formats shared by the panels. */

/**
 * A date as precise as it is known, in ISO form everywhere (inputs, table, panels): "2008-07-02",
 * "c. 2008-07-02" (approximate, within about a week), "2008-07" (month).
 */
export function formatDate(date: string | null, precision: 1 | 2 | 3 = 1, short = false): string {
  if (!date) return short ? '—' : 'Date unknown';
  if (precision === 3) return date.slice(0, 7);
  return precision === 2 ? `c. ${date}` : date;
}

/**
 * A typed date: YYYY-MM-DD of a real calendar day (also YYYY-M-D, and / or . between the parts), returned as
 * YYYY-MM-DD; '' for an empty field; null when it is not such a date.
 */
export function parseIsoDate(text: string): string | '' | null {
  const t = text.trim();
  if (!t) return '';
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export const TIME_PRECISION: Record<number, string> = {
  1: 'exact day',
  2: 'approximate (within about a week)',
  3: 'month or coarser'
};

export const GEO_PRECISION: Record<number, string> = {
  1: 'the named town or neighbourhood',
  2: 'near a town, or part of a region',
  3: 'province or country only — not a precise location'
};

export function count(n: number | null, word: string): string | null {
  if (n == null) return null;
  return `${n.toLocaleString('en')} ${word}`;
}
