/** Cardinal numbers written as words or digits ("sixteen", "twenty-six", "1,200", "a dozen"). */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const WORD = Object.keys({ ...UNITS, ...TENS, ...SCALES }).join('|');
/** A number in words or digits, as a regular-expression source (no groups that capture). */
export const NUMBER_SOURCE = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:a\\s+)?dozen|(?:${WORD})(?:(?:[\\s-]+|\\s+and\\s+)(?:${WORD}))*)`;

/** Parse a cardinal written in digits or English words; null when it is not one. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+$/.test(s)) return Number(s);
  if (/^(a\s+)?dozen$/.test(s)) return 12;
  const words = s.split(/[\s-]+/).filter((w) => w && w !== 'and');
  if (!words.length) return null;
  let total = 0;
  let current = 0;
  for (const w of words) {
    if (w in UNITS) current += UNITS[w];
    else if (w in TENS) current += TENS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
    } else return null;
  }
  return total + current;
}
