/** Display formats shared by the panels. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as precise as it is known: "2 Jul 2008", "c. 2 Jul 2008" (week), "Jul 2008" (month). */
export function formatDate(date: string | null, precision: 1 | 2 | 3 = 1, short = false): string {
  if (!date) return short ? '—' : 'Date unknown';
  const [y, m, d] = date.split('-').map(Number);
  if (precision === 3) return `${MONTHS[m - 1]} ${y}`;
  const s = `${d} ${MONTHS[m - 1]} ${y}`;
  return precision === 2 ? `c. ${s}` : s;
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
