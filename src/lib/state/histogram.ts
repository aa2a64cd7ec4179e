/** Date histogram bins over the data's whole date domain: days, weeks or months depending on its span. */

export type BinUnit = 'day' | 'week' | 'month';

export interface Bin {
  /** first day in the bin, YYYY-MM-DD */
  start: string;
  /** last day in the bin, YYYY-MM-DD */
  end: string;
  count: number;
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
      bins.push({ start: dayString(s), end: dayString(e), count: 0 });
      m++;
      if (m === 12) (m = 0), y++;
    }
    return bins;
  }
  const step = unit === 'day' ? 1 : 7;
  let s = dayNumber(min);
  if (unit === 'week') s -= (new Date(s * DAY).getUTCDay() + 6) % 7;
  for (; s <= last; s += step) bins.push({ start: dayString(s), end: dayString(s + step - 1), count: 0 });
  return bins;
}

export function histogram(dates: Iterable<string>, min: string, max: string): Histogram {
  const unit = binUnit(min, max);
  const bins = binEdges(min, max, unit);
  let undated = 0;
  const first = dayNumber(bins[0]?.start ?? min);
  for (const d of dates) {
    if (!d) {
      undated++;
      continue;
    }
    let i: number;
    if (unit === 'month') i = (+d.slice(0, 4) - +bins[0].start.slice(0, 4)) * 12 + (+d.slice(5, 7) - +bins[0].start.slice(5, 7));
    else i = Math.floor((dayNumber(d) - first) / (unit === 'day' ? 1 : 7));
    if (i >= 0 && i < bins.length) bins[i].count++;
  }
  return { unit, bins, undated, max: bins.reduce((m, b) => Math.max(m, b.count), 0) };
}
