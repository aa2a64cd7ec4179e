/** Date histogram bins over the data's whole date domain: days, weeks or months depending on its span. */

export type BinUnit = 'day' | 'week' | 'month';

export interface Bin {
  /** first day in the bin, YYYY-MM-DD */
  start: string;
  /** last day in the bin, YYYY-MM-DD */
  end: string;
  count: number;
  /** Counts by key (the event type; '' for routes), when the dates came with one. */
  byKey: Record<string, number>;
}

export interface Histogram {
  unit: BinUnit;
  bins: Bin[];
  undated: number;
  max: number;
}

const DAY = 86_400_000;
export const dayNumber = (d: string) => Math.floor(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY);
export const dayString = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

export function binUnit(min: string, max: string): BinUnit {
  const span = dayNumber(max) - dayNumber(min);
  return span <= 120 ? 'day' : span <= 3 * 365 ? 'week' : 'month';
}

/** Bin boundaries covering [min, max], aligned to the unit (weeks start on Monday). */
export function binEdges(min: string, max: string, unit = binUnit(min, max)): Bin[] {
  const bins: Bin[] = [];
  const last = dayNumber(max);
  if (unit === 'month') {
    let y = +min.slice(0, 4);
    let m = +min.slice(5, 7) - 1;
    for (;;) {
      const s = Date.UTC(y, m, 1) / DAY;
      if (s > last) break;
      const e = Date.UTC(y, m + 1, 1) / DAY - 1;
      bins.push({ start: dayString(s), end: dayString(e), count: 0, byKey: {} });
      m++;
      if (m === 12) (m = 0), y++;
    }
    return bins;
  }
  const step = unit === 'day' ? 1 : 7;
  let s = dayNumber(min);
  if (unit === 'week') s -= (new Date(s * DAY).getUTCDay() + 6) % 7;
  for (; s <= last; s += step) bins.push({ start: dayString(s), end: dayString(s + step - 1), count: 0, byKey: {} });
  return bins;
}

/** A date, or a date with the key its bar segment is stacked under (the event type). */
export type Dated = string | readonly [date: string, key: string];

export function histogram(dates: Iterable<Dated>, min: string, max: string): Histogram {
  const unit = binUnit(min, max);
  const bins = binEdges(min, max, unit);
  let undated = 0;
  const first = dayNumber(bins[0]?.start ?? min);
  for (const item of dates) {
    const [d, key] = typeof item === 'string' ? [item, null] : item;
    if (!d) {
      undated++;
      continue;
    }
    let i: number;
    if (unit === 'month') i = (+d.slice(0, 4) - +bins[0].start.slice(0, 4)) * 12 + (+d.slice(5, 7) - +bins[0].start.slice(5, 7));
    else i = Math.floor((dayNumber(d) - first) / (unit === 'day' ? 1 : 7));
    if (i >= 0 && i < bins.length) {
      bins[i].count++;
      if (key !== null) bins[i].byKey[key] = (bins[i].byKey[key] ?? 0) + 1;
    }
  }
  return { unit, bins, undated, max: bins.reduce((m, b) => Math.max(m, b.count), 0) };
}

/** A bar's segments bottom-up in the given key order (keys not in it last), each with the count below it. */
export function stack(bin: Bin, order: readonly string[]): Array<{ key: string; count: number; below: number }> {
  const keys = [...order.filter((k) => bin.byKey[k]), ...Object.keys(bin.byKey).filter((k) => !order.includes(k) && bin.byKey[k])];
  let below = 0;
  return keys.map((key) => {
    const seg = { key, count: bin.byKey[key], below };
    below += bin.byKey[key];
    return seg;
  });
}

export interface Tick {
  day: number;
  /** ISO: YYYY for years, YYYY-MM for months, YYYY-MM-DD for days. */
  label: string;
}

const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120];

/**
 * Axis ticks over the days [lo, hi): whole days, Mondays, month starts or year starts, as many as fit `maxTicks`
 * (at least one), labelled in ISO form.
 */
export function ticks(lo: number, hi: number, maxTicks: number): Tick[] {
  const span = Math.max(1, hi - lo);
  const n = Math.max(1, Math.floor(maxTicks));
  for (const step of DAY_STEPS) {
    if (span / step > n) continue;
    let d = lo;
    if (step >= 7) d += (7 - ((new Date(d * DAY).getUTCDay() + 6) % 7)) % 7; // next Monday
    const out: Tick[] = [];
    for (; d < hi; d += step) out.push({ day: d, label: dayString(d) });
    if (out.length) return out;
  }
  const start = new Date(lo * DAY);
  for (const step of MONTH_STEPS) {
    if (span / (step * 30.44) > n) continue;
    const out: Tick[] = [];
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth();
    // First month start on or after lo that is a multiple of the step (months from January, years from year 0).
    if (Date.UTC(y, m, 1) / DAY < lo) m++;
    if (step >= 12) {
      const years = step / 12;
      y = Math.ceil((y + (m > 0 ? 1 : 0)) / years) * years;
      m = 0;
    } else m = Math.ceil(m / step) * step;
    for (;;) {
      const day = Date.UTC(y, m, 1) / DAY;
      if (day >= hi) break;
      const iso = dayString(day);
      out.push({ day, label: step >= 12 ? iso.slice(0, 4) : iso.slice(0, 7) });
      m += step;
    }
    if (out.length) return out;
  }
  return [{ day: lo, label: dayString(lo) }];
}
