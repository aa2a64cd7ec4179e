import type { Count, CountField } from './counts';
import { addDays } from './dates';
import type { DateChoice, PlaceChoice } from './incidents';
import { contains, distanceKm, KIND_RANK } from './places';

/** What merging needs to know about an incident. */
export interface Mergeable {
  articles: string[];
  place: PlaceChoice;
  date: DateChoice;
  counts: Partial<Record<CountField, Count>>;
  subEventType: string;
  /** ACLED event type: within an article, a protest told twice ("marched …", "police dispersed the marchers") is one. */
  eventType?: string;
  /** Reported as another event than those told before in its article. */
  distinct?: boolean;
  /** Index of the first sentence of its article that tells it. */
  at?: number;
}

/** Event types of violence: one attack is often told as more than one of them. */
const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

const FIELDS: CountField[] = ['killed', 'wounded', 'captured'];

/** The days a date stands for, at its precision. */
export function period(d: DateChoice): { from: string; to: string } | null {
  if (!d.date) return null;
  if (d.precision === 1) return { from: d.date, to: d.date };
  if (d.precision === 2) return { from: addDays(d.date, -3), to: addDays(d.date, 3) };
  if (d.text && /^\s*(?:\D*\s)?\d{4}\s*$/.test(d.text) && d.date.endsWith('-01-01')) return { from: d.date, to: `${d.date.slice(0, 4)}-12-31` };
  const [y, m] = d.date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: d.date, to: `${d.date.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

export function datesCompatible(a: DateChoice, b: DateChoice): boolean | null {
  const pa = period(a);
  const pb = period(b);
  if (!pa || !pb) return null; // unknown
  return pa.from <= pb.to && pb.from <= pa.to;
}

export function placesCompatible(a: PlaceChoice, b: PlaceChoice): boolean {
  if (a.place.id === b.place.id) return true;
  if (contains(a.place, b.place) || contains(b.place, a.place)) return true;
  // "near X", "north of X": within reach of X.
  const near = a.geoPrecision === 2 || b.geoPrecision === 2;
  const towns = KIND_RANK[a.place.kind] >= 4 && KIND_RANK[b.place.kind] >= 4;
  return near && towns && distanceKm(a.place, b.place) <= 60;
}

function countCompatible(a: Count | undefined, b: Count | undefined): boolean {
  if (!a || !b) return true;
  if (a.n === b.n) return true;
  if ((a.atLeast && a.n <= b.n) || (b.atLeast && b.n <= a.n)) return true;
  if (a.approx || b.approx) return Math.min(a.n, b.n) / Math.max(a.n, b.n) >= 0.75;
  return false;
}

/** Equal counts that were given as numbers: evidence that two reports are of one event. */
function sharedCount(a: Mergeable, b: Mergeable): boolean {
  return FIELDS.some((f) => {
    const x = a.counts[f];
    const y = b.counts[f];
    return Boolean(x && y && !x.atLeast && !y.atLeast && x.n === y.n);
  });
}

/**
 * Are two incidents one event? By place, date and counts, never by wording. Within one article, compatible place,
 * date and counts and the same kind of event suffice (an article tells an event once and refers back to it);
 * across articles both dates must be known and overlap, and a count must agree (or both give the same day).
 */
export function sameEvent(a: Mergeable, b: Mergeable): boolean {
  if (!placesCompatible(a.place, b.place)) return false;
  if (!FIELDS.every((f) => countCompatible(a.counts[f], b.counts[f]))) return false;
  const dates = datesCompatible(a.date, b.date);
  if (dates === false) return false;
  const shareArticle = a.articles.some((x) => b.articles.includes(x));
  if (shareArticle && (a.distinct || b.distinct)) return false;
  const demonstration = (x: Mergeable) => x.eventType === 'Protests' || x.eventType === 'Riots';
  // Within an article, one act of violence is often told once as a bombing and again as a fight or killings
  // ("a suicide bomber … killed 10 policemen"; "the policemen … were attacked"): on known, overlapping dates at one
  // place or a place and what it contains, the kinds of violence do not keep the reports apart.
  const violent = (x: Mergeable) => x.eventType !== undefined && VIOLENT.has(x.eventType);
  // Only between reports of one article (not clusters already joined with other articles' reports).
  const oneArticle = a.articles.length === 1 && b.articles.length === 1;
  // A wider place told first and the place within it after is a lead and its detail ("12 killed in bombings around
  // Afghanistan … in Kunduz"); a wider place told after with counts of its own is more often a total of the day
  // over the region ("28 soldiers were killed during the day in the region").
  const first = (x: Mergeable, y: Mergeable) => x.at === undefined || y.at === undefined || x.at <= y.at || !FIELDS.some((f) => x.counts[f]);
  const nested =
    a.place.place.id === b.place.place.id || (contains(a.place.place, b.place.place) && first(a, b)) || (contains(b.place.place, a.place.place) && first(b, a));
  if (shareArticle)
    return a.subEventType === b.subEventType || sharedCount(a, b) || (demonstration(a) && demonstration(b)) || (oneArticle && violent(a) && violent(b) && dates === true && nested);
  if (dates !== true) return false;
  // Across articles, two towns near each other are one event's place only when a count ties the reports; shellings
  // of neighbouring villages on one day are separate events.
  const samePlace = a.place.place.id === b.place.place.id || contains(a.place.place, b.place.place) || contains(b.place.place, a.place.place);
  if (!samePlace && !sharedCount(a, b)) return false;
  const sameDay = a.date.precision === 1 && b.date.precision === 1 && a.date.date === b.date.date;
  return sharedCount(a, b) || (sameDay && a.subEventType === b.subEventType);
}

/** Fold b into a: the most specific place and date, the counts given as numbers, the union of the rest. */
export function combine<T extends Mergeable>(a: T, b: T): T {
  const place =
    b.place.geoPrecision < a.place.geoPrecision || (b.place.geoPrecision === a.place.geoPrecision && KIND_RANK[b.place.place.kind] > KIND_RANK[a.place.place.kind]) ? b.place : a.place;
  const rankDate = (d: DateChoice) => (d.date ? d.precision * 2 + (d.how === 'explicit' ? 0 : 1) : 99);
  const date = rankDate(b.date) < rankDate(a.date) ? b.date : a.date;
  const counts: Partial<Record<CountField, Count>> = { ...a.counts };
  for (const f of FIELDS) {
    const x = a.counts[f];
    const y = b.counts[f];
    if (!x || (y && ((x.atLeast && !y.atLeast) || (x.atLeast === y.atLeast && x.approx && !y.approx) || (x.atLeast && y.atLeast && y.n > x.n)))) {
      if (y) counts[f] = y;
    }
  }
  const at = a.at === undefined || b.at === undefined ? (a.at ?? b.at) : Math.min(a.at, b.at);
  return { ...a, place, date, counts, at, articles: [...new Set([...a.articles, ...b.articles])] };
}

/** Greedy, order-stable clustering: each item joins the first earlier cluster it is the same event as. */
export function mergeAll<T extends Mergeable>(items: T[], fold: (a: T, b: T) => T = combine): T[] {
  const out: T[] = [];
  for (const item of items) {
    const at = out.findIndex((o) => sameEvent(o, item));
    if (at >= 0) out[at] = fold(out[at], item);
    else out.push(item);
  }
  return out;
}
