/** A sentence: exact offsets into the article text, and the paragraph it belongs to. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (a block of text between blank lines) in the article. */
  paragraph: number;
  /** Index of the sentence in the article. */
  index: number;
}

/** Words whose trailing period does not end a sentence (titles, ranks, months, common abbreviations). */
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'brig',
    'adm', 'cmdr', 'gov', 'sen', 'rep', 'pres', 'rev', 'hon', 'amb', 'sec', 'dept', 'gov', 'no', 'nos', 'vs', 'etc', 'inc',
    'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft',
    'approx', 'est', 'fig', 'al', 'cf', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m'
  ]
);

const CLOSERS = `"'”’)]»`;

function endsWithAbbreviation(text: string, dot: number): boolean {
  // The word before the dot, including inner dots ("U.S", "e.g").
  let i = dot;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1])) i--;
  const word = text.slice(i, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter is an initial ("George W. Bush").
  if (/^[a-z]$/.test(word) && /[A-Z]/.test(text[dot - 1])) return true;
  // Dotted acronyms such as "U.S." are abbreviations; a sentence can still end with one, accepted as a rare miss.
  return /^([a-z]\.)+[a-z]$/.test(word);
}

/**
 * Split the spans of `text` into sentences. Offsets are exact: `text.slice(s.start, s.end) === s.text`.
 * A sentence never crosses a line break: lines are the paragraphs of extracted web text.
 */
export function splitSentences(text: string, spans: Array<{ start: number; end: number }> = [{ start: 0, end: text.length }]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const span of spans) {
    for (const line of logicalLines(text, span.start, span.end)) splitLine(text, line.start, line.end, sentences);
  }
  sentences.sort((a, b) => a.start - b.start);
  // Paragraphs are blocks between blank lines.
  let paragraph = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (i > 0 && /\n[ \t]*\n/.test(text.slice(sentences[i - 1].end, sentences[i].start))) paragraph++;
    sentences[i].paragraph = paragraph;
    sentences[i].index = i;
  }
  return sentences;
}

/**
 * Lines that belong together: a hard-wrapped paragraph (line without closing punctuation, next line starting
 * in lower case) is one logical line; otherwise every line stands alone (web text puts one paragraph a line).
 */
function logicalLines(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  let a = start;
  while (a < end) {
    let b = text.indexOf('\n', a);
    if (b < 0 || b > end) b = end;
    const prev = lines[lines.length - 1];
    const wrapped =
      prev !== undefined &&
      prev.end === a - 1 &&
      text.slice(prev.start, prev.end).trim().length > 0 &&
      !/[.!?:"”’)\]]\s*$/.test(text.slice(prev.start, prev.end)) &&
      /^\s*[a-z(]/.test(text.slice(a, b));
    if (wrapped) prev.end = b;
    else lines.push({ start: a, end: b });
    a = b + 1;
  }
  return lines;
}

function splitLine(text: string, start: number, end: number, into: Sentence[]) {
  let s = start;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) into.push({ start: a, end: b, text: text.slice(a, b), paragraph: 0, index: 0 });
  };
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== ';' ) continue;
    if (ch === ';') continue; // semicolons separate clauses, not sentences
    if (ch === '.' && (text[i + 1] === '.' || (i > start && text[i - 1] === '.'))) continue; // ellipsis
    if (ch === '.' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue; // 3.5
    let j = i + 1;
    while (j < end && CLOSERS.includes(text[j])) j++;
    if (j < end && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k >= end) continue; // the line's end closes the sentence anyway
    const next = text[k];
    // A new sentence starts with a capital, a digit or an opening quote/bracket.
    if (!/[A-Z0-9"'“‘(\[]/.test(next)) continue;
    if (ch === '.' && endsWithAbbreviation(text, i) && !/[A-Z]{2,}/.test(text.slice(k, k + 2))) {
      // "Gen. David Petraeus": keep going; but "… in the U.S. The next …" is accepted as one sentence.
      continue;
    }
    push(s, j);
    s = k;
  }
  push(s, end);
}
