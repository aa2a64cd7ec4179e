/**
 * Name normalisation shared by the gazetteer build and the runtime loader. Both sides must use exactly
 * these functions: the artifact's hash tables are keyed by their output.
 */

/** Letters that NFKD does not decompose but readers treat as their base letter. */
const LETTER_FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  // Arabic-script variants that differ between Arabic, Persian and Urdu spelling of the same name.
  'ی': 'ي',
  'ى': 'ي',
  'ک': 'ك',
  'ة': 'ه',
  'ە': 'ه',
  'ہ': 'ه',
};
const FOLD_RE = /[øłđðþæœßıħŧیىکةەہ]/g;
/** Apostrophes and transliteration marks for ayn/hamza: dropped, so "Nu'maniyah" = "Numaniyah". */
const APOSTROPHE_RE = /['‘’`´ʻʼʿʾ′\u0640\u200c\u200d]/g;
const MARK_RE = /\p{M}+/gu;
/** Zero-width characters and soft hyphens, which may sit inside a name copied from the web. */
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SEPARATOR_RE = /[^\p{L}\p{N}]+/gu;
const ASCII_SIMPLE_RE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * NFKD, strip diacritics, lower case, drop apostrophes, every other non-letter/non-digit (hyphens,
 * dots, underscores, commas, brackets, whitespace) becomes one space, trimmed.
 */
export function normalizeName(s: string): string {
  // Fast path: already-normalised ASCII (the common case for tokens from English text).
  if (ASCII_SIMPLE_RE.test(s)) return s;
  let t = s.replace(INVISIBLE_RE, '').normalize('NFKD').replace(MARK_RE, '').toLowerCase();
  t = t.replace(FOLD_RE, (c) => LETTER_FOLDS[c] ?? c);
  t = t.replace(APOSTROPHE_RE, '');
  t = t.replace(SEPARATOR_RE, ' ');
  return t.trim();
}

/** Arabic definite article forms as they appear in Latin transliteration (sun-letter assimilations included). */
const ARTICLE_RE = /^(?:al|el|ad|an|ar|as|at|az) (?=\S\S)/;

/** Strips a leading transliterated Arabic article from a normalised key ("al kut" → "kut"); unchanged if none. */
export function stripArticle(key: string): string {
  const m = ARTICLE_RE.exec(key);
  return m ? key.slice(m[0].length) : key;
}

/** Cheap pre-check for `stripArticle` on the hot path: does the key start with a two-letter article and a space? */
export function hasArticle(key: string): boolean {
  if (key.length < 5 || key.charCodeAt(2) !== 32) return false;
  const a = key.charCodeAt(0);
  if (a !== 97 && a !== 101) return false; // 'a' or 'e'
  return ARTICLE_RE.test(key);
}

const SKELETON_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * Transliteration-tolerant key: normalised, article stripped, spaces removed, "ou"→"u", "q"→"k",
 * vowels after the first letter dropped, doubled letters collapsed, a trailing "h" dropped.
 * "Musayyib", "Musiyyib" and "Musaiyib" share "msb"; "Nu'maniyah" and "Numaniya" share "nmn".
 */
export function skeletonKey(s: string): string {
  const t = stripArticle(normalizeName(s)).replace(/ /g, '').replace(/ou/g, 'u').replace(/q/g, 'k');
  if (t.length === 0) return '';
  let out = t[0];
  for (let i = 1; i < t.length; i++) {
    const c = t[i];
    if (SKELETON_VOWELS.has(c)) continue;
    if (c === out[out.length - 1]) continue;
    out += c;
  }
  if (out.length > 1 && out.endsWith('h')) out = out.slice(0, -1);
  return out;
}

/** 32-bit FNV-1a over the key's UTF-16 code units; the artifact's hash tables use the same function. */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
