/** Splitting article text into plain and highlighted runs, rendered as text nodes (never as HTML). */

export interface Span {
  start: number;
  end: number;
}

export interface Run<S extends Span> {
  text: string;
  start: number;
  span: S | null;
}

/** Runs covering all of `text`; overlapping spans keep the first (spans are sorted by start). */
export function runs<S extends Span>(text: string, spans: S[]): Run<S>[] {
  const sorted = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Run<S>[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), start: at, span: null });
    out.push({ text: text.slice(s.start, s.end), start: s.start, span: s });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), start: at, span: null });
  return out;
}

/**
 * Where the cited sentence sits in the article: the occurrence that contains the place-name span, else the
 * nearest one, else -1. (A sentence can repeat, e.g. a quoted press release.)
 */
export function locateSentence(text: string, sentence: string, span: Span): number {
  if (!sentence) return -1;
  let best = -1;
  let bestDistance = Infinity;
  for (let at = text.indexOf(sentence); at >= 0; at = text.indexOf(sentence, at + 1)) {
    if (at <= span.start && span.end <= at + sentence.length) return at;
    const d = Math.abs(at - span.start);
    if (d < bestDistance) (best = at), (bestDistance = d);
  }
  return best;
}

/**
 * The sentence as runs with the place name marked. The span is in article offsets: it is placed by the
 * sentence's own offset when known, else by locating the sentence in the article text; when the name lies
 * outside the sentence (a detail sentence pointing at a nearby mention), the name is marked where it occurs.
 */
export function sentenceRuns(
  sentence: string,
  span: Span & { sentence_start?: number },
  placeName: string,
  articleText?: string
): Run<Span>[] {
  let local: Span | null = null;
  let at = span.sentence_start ?? -1;
  if (at < 0 && articleText !== undefined) at = locateSentence(articleText, sentence, span);
  if (at >= 0 && at <= span.start && span.end <= at + sentence.length) local = { start: span.start - at, end: span.end - at };
  if (!local && placeName) {
    const i = sentence.toLowerCase().indexOf(placeName.toLowerCase());
    if (i >= 0) local = { start: i, end: i + placeName.length };
  }
  return runs(sentence, local ? [local] : []);
}
