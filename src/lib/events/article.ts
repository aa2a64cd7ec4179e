import type { Toponym } from '../geoparse/types';
import type { Source } from '../geojson/types';
import type { CountField } from './counts';
import { addDays, anaphoricDay, type ArticleDate, type DateMention } from './dates';
import { analyseSentence, choosePlace, focusCountryOf, findTriggers, irrealisSpans, type IncidentDraft, type SentenceAnalysis } from './incidents';
import { mergeAliases } from './actors';
import { FORCE_ON_CROWD, INTERVENTION } from './lexicon';
import { datesCompatible, mergeAll, combine, type Mergeable } from './merge';
import { splitSentences, type Sentence } from './text/sentences';
import type { ReadArticle } from './types';

/** An incident as one or more articles report it: what merging and export work on. */
export interface IncidentRecord extends Mergeable {
  drafts: IncidentDraft[];
  sources: Source[];
  eventType: IncidentDraft['eventType'];
  actors: string[];
  /** Canonical actor name → the other spellings the sources used. */
  actorAliases: Record<string, string[]>;
  actor1: string | null;
  actor2: string | null;
  confidence: number;
  background: boolean;
}

/** The parts of an article the route extractor needs after incidents are found. */
export interface ArticleAnalysis {
  article: ReadArticle;
  sentences: Sentence[];
  analyses: SentenceAnalysis[];
  incidents: IncidentRecord[];
}

export function articleDateOf(a: ReadArticle): ArticleDate | null {
  return a.date ? { date: a.date, approximate: a.dateSource === 'text' && a.dateEvidence?.kind === 'trackback' } : null;
}

function sourceOf(a: ReadArticle, sentence: Sentence, span: { start: number; end: number }): Source {
  return { article: a.id, title: a.title, date: a.date, sentence: sentence.text, start: span.start, end: span.end, sentence_start: sentence.start, sentence_end: sentence.end };
}

const LOCATIVE = /\b(?:in|at|inside|near|outside|around|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$/i;
/** Strictly where: "in", "at", "near", not "of" (a resident of). */
const AT_PLACE = /\b(?:in|at|inside|near|outside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$/i;
/** Sentences about where people live or come from, not where anything happened. */
const HOME = /\b(?:residents? of|native of|natives of|hail(?:s|ed|ing)? from|hometown|home town|belong(?:s|ed|ing)? to|lived in|lives in|from the village of|was from|were from|is from|are from|son of|daughter of|buried|funeral|hospital|admitted|treated|referred)\b/i;

/** Incidents of one article: sentence analysis, places named in a following sentence, dates carried over, merging. */
export function analyseArticle(article: ReadArticle, toponyms: Toponym[]): ArticleAnalysis {
  const text = article.text;
  const sentences = splitSentences(text, article.body);
  const inBodyAll = toponyms.filter((t) => article.body.some((b) => t.start >= b.start && t.end <= b.end));
  const inBody = inBodyAll.filter((t) => t.place);
  const ref = articleDateOf(article);
  const focus = focusCountryOf(text, inBody);
  // Unplaced names go to the sentence analysis too, so an event at a place the gazetteer lacks is not lost.
  const analyses = sentences.map((s) => analyseSentence(text, s, inBodyAll.filter((t) => t.start >= s.start && t.end <= s.end), ref, article.id, focus));
  const firstParagraph = sentences[0]?.paragraph ?? 0;

  // A place-less event followed by a sentence that only says where ("First, it was conducted in the province of X").
  for (const [i, an] of analyses.entries()) {
    for (const d of an.drafts.filter((d) => !d.place && !d.background)) {
      for (const next of analyses.slice(i + 1, i + 3)) {
        if (next.sentence.paragraph !== an.sentence.paragraph || !next.eventless) continue;
        // A sentence that refers back to the event ("It was conducted in …", "The strike took place in …"), or the
        // next one when it only says where ("… were injured. Police said it happened at Zamudangan village in X.")
        // and speaks of no one's home ("a resident of", "hailed from", "native of").
        const refersBack = /^(?:[\w]+,\s+)?(?:it|this|that|the (?:\w+\s+)?(?:strike|raid|attack|operation|ambush|assault|bombing|killing|incident|protest|rally|demonstration|march|clash|clashes|blast|explosion|shelling|fighting|violence|arrests?))\b/i.test(next.sentence.text);
        const saysWhere = next === analyses[i + 1] && !HOME.test(next.sentence.text) && /\b(?:took place|happened|occurred|was held|were held|at|in|near)\b/i.test(next.sentence.text);
        if (!refersBack && !saysWhere) continue;
        if (next.dates.some((x) => x.date && d.date.date && datesCompatible({ ...d.date }, { date: x.date, precision: x.precision, text: x.text, how: 'explicit' }) === false)) continue;
        const masked = irrealisSpans(next.sentence.text, next.sentence.start);
        const locative = inBody.filter(
          (t) =>
            t.start >= next.sentence.start &&
            t.end <= next.sentence.end &&
            (refersBack ? LOCATIVE : AT_PLACE).test(text.slice(Math.max(next.sentence.start, t.start - 50), t.start)) &&
            !masked.some((m) => t.start >= m.start && t.start < m.end)
        );
        if (!refersBack && new Set(locative.map((t) => t.place!.country)).size !== 1) continue;
        const place = choosePlace(text, locative, [{ start: next.sentence.start, end: next.sentence.end }], []);
        if (place) {
          d.place = place;
          d.placeSentence = next.sentence;
          break;
        }
      }
    }
  }

  // A place-less event after a sentence that only sets the scene ("The student column arrived in Kyaiklat. … The
  // students were protesting …"): where that sentence says, when it names one place and reports no event of its own.
  for (const [i, an] of analyses.entries()) {
    // Only a told event (a verb, a count or a date of its own), not a mention ("plagued by kidnappings").
    const verb = (t: IncidentDraft['triggers'][number]) =>
      /\b(?:was|were|is|are|been)\s+$/i.test(text.slice(Math.max(0, t.start - 6), t.start)) || (!/(?:ions?|ings?)$/i.test(t.text) && (!t.noun || /ed$/i.test(t.text)));
    const told = (d: IncidentDraft) => d.triggers.some(verb) || Object.keys(d.counts).length > 0 || d.date.how === 'explicit';
    for (const d of an.drafts.filter((d) => !d.place && !d.background && !d.distinct && told(d))) {
      for (const prev of analyses.slice(Math.max(0, i - 2), i).reverse()) {
        if (prev.sentence.paragraph !== an.sentence.paragraph) break;
        if (!prev.eventless) break;
        const masked = irrealisSpans(prev.sentence.text, prev.sentence.start);
        const locative = inBody.filter(
          (t) => t.start >= prev.sentence.start && t.end <= prev.sentence.end && LOCATIVE.test(text.slice(Math.max(prev.sentence.start, t.start - 50), t.start)) && !masked.some((m) => t.start >= m.start && t.start < m.end)
        );
        const countries = new Set(locative.map((t) => t.place!.country));
        if (countries.size !== 1) continue;
        const place = choosePlace(text, locative, [{ start: prev.sentence.start, end: prev.sentence.end }], []);
        if (place) {
          d.place = place;
          d.placeSentence = prev.sentence;
          break;
        }
      }
    }
  }

  // Dates: the frame's own, "the same day", the latest date in the three sentences before, the article's date for
  // the lead paragraph of a dated article, else none.
  const allDates: DateMention[] = analyses.flatMap((a) => a.dates.filter((d) => !a.background.some((b) => d.start >= b.start && d.end <= b.end)));
  for (const an of analyses) {
    for (const d of an.drafts) {
      if (d.date.how !== 'none' || d.reference) continue;
      const same = anaphoricDay(an.sentence.text);
      // Carried over from up to three sentences back, not across a heading, never a "since" date.
      const earlier = allDates.filter(
        (x) =>
          x.end <= an.sentence.start &&
          x.date &&
          !x.since &&
          sentences.findIndex((s) => s.start <= x.start && x.start < s.end) >= an.sentence.index - 3 &&
          !article.excluded.some((e) => e.start >= x.end && e.end <= an.sentence.start)
      );
      const last = earlier[earlier.length - 1];
      if (same && last) d.date = { date: last.precision === 1 ? addDays(last.date!, same.shift) : last.date, precision: last.precision, text: an.sentence.text.slice(same.at, same.at + same.length), how: 'explicit' };
      else if (last && !d.background) d.date = { date: last.date, precision: Math.max(last.precision, 2) as 1 | 2 | 3, text: last.text, how: 'inherited' };
      else if (ref && an.sentence.paragraph === firstParagraph && !d.background) d.date = { date: ref.date, precision: 2, text: null, how: 'article' };
    }
  }

  // Confidence: the place's resolution, lowered for what had to be carried over or inferred.
  const drafts = analyses.flatMap((a) => a.drafts);
  for (const d of drafts) {
    const placeConfidence = d.place && Number.isFinite(d.place.toponym.confidence) ? d.place.toponym.confidence : 0.5;
    let c = 0.85 * Math.max(0.3, placeConfidence);
    if (d.date.how === 'inherited' || d.date.how === 'article') c -= 0.1;
    if (!d.date.date) c -= 0.15;
    if (d.placeSentence) c -= 0.1;
    if (d.background) c -= 0.1;
    if (d.place && d.place.geoPrecision === 3) c -= 0.05;
    d.confidence = Math.round(Math.max(0.05, Math.min(0.99, c)) * 100) / 100;
  }

  const records: IncidentRecord[] = drafts
    .filter((d) => d.place)
    .map((d) => {
      const sources = [sourceOf(article, d.sentence, d.place!.toponym)];
      if (d.placeSentence) sources.push(sourceOf(article, d.placeSentence, d.place!.toponym));
      return {
        articles: [article.id],
        place: d.place!,
        date: d.date,
        counts: d.counts,
        subEventType: d.subEventType,
        eventType: d.eventType,
        drafts: [d],
        sources,
        actors: d.actors,
        actorAliases: d.actorAliases,
        actor1: d.actor1,
        actor2: d.actor2,
        confidence: d.confidence,
        background: d.background,
        distinct: d.distinct,
        at: d.sentence.index
      };
    });
  const merged = mergeAll(records, foldRecords);

  // Sentences that add to an incident without naming its place ("Another was killed in a follow-on airstrike"):
  // they fill counts the incident lacks, when they follow it closely in the same paragraph.
  for (const an of analyses) {
    for (const d of an.drafts.filter((x) => !x.place && !x.background)) {
      const anchor = drafts
        .filter((x) => x.place && x.sentence.paragraph === an.sentence.paragraph && x.sentence.index <= an.sentence.index && x.sentence.index >= an.sentence.index - 3)
        .pop();
      if (!anchor) continue;
      const record = merged.find((r) => r.drafts.includes(anchor));
      if (!record || (d.date.how === 'explicit' && datesCompatible(d.date, record.date) === false)) continue;
      let added = false;
      for (const f of Object.keys(d.counts) as CountField[]) {
        if (!record.counts[f]) {
          record.counts = { ...record.counts, [f]: d.counts[f] };
          added = true;
        }
      }
      const adds = added || findTriggers(an.sentence.text, an.sentence.start).length > 0;
      if (adds) escalate(record, d);
      if (adds && !record.sources.some((s) => s.sentence_start === an.sentence.start)) {
        record.sources.push(sourceOf(article, an.sentence, anchor.place!.toponym));
        record.actors = [...new Set([...record.actors, ...d.actors])];
        record.actorAliases = mergeAliases(record.actorAliases, d.actorAliases);
      }
    }
  }
  return { article, sentences, analyses, incidents: merged };
}

/**
 * A protest told further in a sentence that does not name its place: police stepping in ("Police fired tear gas and
 * arrested 12 protesters") makes it a protest with intervention, killings by them excessive force, violence of the
 * crowd's own a violent demonstration (ACLED codes the event by its most severe part).
 */
function escalate(record: IncidentRecord, d: IncidentDraft): void {
  if (record.eventType !== 'Protests') return;
  const rank = ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'];
  if (d.eventType === 'Riots' && d.subEventType === 'Violent demonstration') {
    record.eventType = 'Riots';
    record.subEventType = d.subEventType;
  } else if (d.eventType === 'Protests' && rank.indexOf(d.subEventType) > rank.indexOf(record.subEventType)) record.subEventType = d.subEventType;
  else if (d.eventType === 'Strategic developments' && d.subEventType === 'Arrests' && record.subEventType === 'Peaceful protest') record.subEventType = 'Protest with intervention';
  // "Police used water cannon to disperse them": the state's forces stepping in, whatever the clause alone reads as.
  else if (record.subEventType === 'Peaceful protest' && FORCE_ON_CROWD.test(d.sentence.text) && INTERVENTION.test(d.sentence.text)) record.subEventType = 'Protest with intervention';
}

export function foldRecords(a: IncidentRecord, b: IncidentRecord): IncidentRecord {
  const base = combine(a, b);
  // The event type of the more violent report: a raid that killed people is a clash even where another report
  // mentions only the arrests.
  const protest = ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'];
  const rank = (r: IncidentRecord) =>
    r.subEventType === 'Air/drone strike' ? 4
    : r.eventType === 'Explosions/Remote violence' ? 3
    : r.eventType === 'Battles' || r.eventType === 'Violence against civilians' ? 2
    : r.eventType === 'Riots' ? 1.5
    : r.eventType === 'Protests' ? 1.1 + 0.1 * protest.indexOf(r.subEventType)
    : 1;
  const typed = rank(b) > rank(a) ? b : a;
  const sources = [...a.sources];
  for (const s of b.sources) if (!sources.some((x) => x.article === s.article && x.sentence_start === s.sentence_start && x.start === s.start)) sources.push(s);
  return {
    ...base,
    eventType: typed.eventType,
    subEventType: typed.subEventType,
    drafts: [...a.drafts, ...b.drafts],
    sources,
    actors: [...new Set([...a.actors, ...b.actors])],
    actorAliases: mergeAliases(a.actorAliases, b.actorAliases),
    actor1: a.actor1 ?? b.actor1,
    actor2: a.actor2 ?? b.actor2,
    confidence: Math.min(0.99, Math.round((Math.max(a.confidence, b.confidence) + 0.05) * 100) / 100),
    background: a.background && b.background,
    distinct: a.distinct || b.distinct
  };
}
