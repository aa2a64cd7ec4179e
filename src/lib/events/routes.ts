import type { Place } from '../gazetteer/types';
import type { Toponym } from '../geoparse/types';
import type { Source } from '../geojson/types';
import type { ArticleAnalysis } from './article';
import { findActors } from './actors';
import { findDates, type TimePrecision } from './dates';
import { irrealisSpans } from './incidents';
import { CARGO, MOVEMENT, SELF_MOVEMENT, TRAINING, type CargoKind } from './lexicon';
import { contains } from './places';
import { articleDateOf } from './article';

export interface Endpoint {
  place: Place;
  /** The mention in the text, when the endpoint is named in the route's sentence. */
  mention: Toponym | null;
  /** How the endpoint was found: named with its preposition, the sentence's subject, a demonym, or from context. */
  how: 'explicit' | 'subject' | 'demonym' | 'context';
}

export interface RouteRecord {
  articles: string[];
  origin: Endpoint;
  destination: Endpoint;
  via: Endpoint | null;
  cargo: CargoKind[];
  actors: string[];
  date: string | null;
  precision: TimePrecision;
  confidence: number;
  sources: Source[];
}

const CARGO_ORDER: CargoKind[] = ['weapons', 'EFPs', 'fighters', 'trainees', 'money', 'drugs'];
const FROM = /\b(?:from|out of|departed|departing|left|leaving)\s+(?:the\s+)?$/i;
const TO = /\b(?:to|into|towards?|back to|back into|bound for|destined for|headed for|heading for|(?:en )?route for|arrived in|arriving in|reached)\s+(?:the\s+)?$/i;
const VIA = /\b(?:through|via|across)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:in\s+|of\s+)?(?:the\s+)?$/i;
/** The receiving side named as a group: "to the Taliban", "for the insurgents". */
const RECIPIENT = /\b(?:to|for)\s+(?:the\s+)?(?:local\s+)?(?:[A-Z][\w-]*\s+)?(?:Taliban|insurgents|militants|fighters|rebels|militias|insurgency|guerrillas|jihadists)\b/;
const RECIPIENT_IN = /\bto\s+(?:the\s+)?(?:[\w'’-]+\s+){1,5}in\s+$/i;

/** Look up a country's Place: from mentions already resolved, else by resolving its English name. */
export type CountryLookup = (iso2: string) => Place | null;

export function extractRoutes(an: ArticleAnalysis, toponyms: Toponym[], demonyms: Toponym[], countryPlace: CountryLookup): RouteRecord[] {
  const { article, sentences } = an;
  const text = article.text;
  const ref = articleDateOf(article);
  const placed = toponyms.filter((t) => t.place && t.place.country);
  const inSpan = (t: { start: number; end: number }, s: { start: number; end: number }) => t.start >= s.start && t.end <= s.end;
  // The country where the article's incidents happen: where supplies for the named fighters go.
  const theatreCounts = new Map<string, number>();
  for (const r of an.incidents) theatreCounts.set(r.place.place.country, (theatreCounts.get(r.place.place.country) ?? 0) + 1);
  const theatre = [...theatreCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const routes: RouteRecord[] = [];

  for (const [si, s] of sentences.entries()) {
    if (/\?["”’)]*$/.test(s.text.trim())) continue;
    const clauses: Array<{ start: number; end: number }> = [];
    let at = s.start;
    for (const m of s.text.matchAll(/;\s*|\s+as well as\s+|,\s+and\s+(?=\w+ing\b)/g)) {
      clauses.push({ start: at, end: s.start + m.index! });
      at = s.start + m.index! + m[0].length;
    }
    clauses.push({ start: at, end: s.end });
    for (const clause of clauses) {
      const ctext = text.slice(clause.start, clause.end);
      const masked = irrealisSpans(ctext, clause.start);
      const free = (x: { start: number; end: number }) => !masked.some((m) => x.start < m.end && m.start < x.end);
      MOVEMENT.lastIndex = 0;
      const moves = [...ctext.matchAll(MOVEMENT)].map((m) => ({ start: clause.start + m.index!, end: clause.start + m.index! + m[0].length })).filter(free);
      if (!moves.length) continue;
      // What moves: cargo words, not those naming the purpose ("for explosives training") or the recipient
      // ("for the insurgents", "to the Taliban").
      const recipient = RECIPIENT.exec(ctext);
      const cargoText = ctext.replace(TRAINING, (m) => ' '.repeat(m.length)).replace(RECIPIENT, (m) => ' '.repeat(m.length));
      const cargo = new Set<CargoKind>();
      let firstCargo = Infinity;
      for (const c of CARGO) {
        const m = c.re.exec(cargoText);
        if (m && free({ start: clause.start + m.index, end: clause.start + m.index + m[0].length })) {
          cargo.add(c.kind);
          firstCargo = Math.min(firstCargo, clause.start + m.index);
        }
      }
      const training = TRAINING.test(ctext);
      if (training) {
        cargo.delete('fighters');
        cargo.add('trainees');
      }
      if (!cargo.size) continue;
      // Verbs of going ("went to Iran", "crossed into Iraq", "headed for Herat") make a route only when what goes is
      // the cargo: trainees, or cargo named before the verb as its subject ("a convoy of arms crossed …").
      if (moves.every((m) => SELF_MOVEMENT.test(text.slice(m.start, m.end))) && !training && !(firstCargo < moves[0].start)) continue;

      const here = placed.filter((t) => inSpan(t, clause) && free(t));
      const role = (t: Toponym) => {
        const before = text.slice(Math.max(clause.start, t.start - 60), t.start);
        if (FROM.test(before)) return 'from';
        if (TO.test(before)) return 'to';
        if (VIA.test(before) && /\b(?:through|via|across)\b/i.test(before)) return 'via';
        if (RECIPIENT_IN.test(before)) return 'to';
        return null;
      };
      const firstMove = moves[0].start;
      let origin: Endpoint | null = null;
      let destination: Endpoint | null = null;
      let via: Endpoint | null = null;
      for (const t of here) {
        const r = role(t);
        if (r === 'from' && !origin) origin = { place: t.place!, mention: t, how: 'explicit' };
        else if (r === 'to' && !destination) destination = { place: t.place!, mention: t, how: 'explicit' };
        else if (r === 'via' && !via) via = { place: t.place!, mention: t, how: 'explicit' };
      }
      if (!origin) {
        // The mover named as subject: "Iran has smuggled weapons …", "Iran's government is providing …".
        const subject = here.find((t) => t.start < firstMove && t.place!.kind === 'country' && !role(t) && !/\b(?:in|at|of|on|with|against|by)\s+(?:the\s+)?$/i.test(text.slice(Math.max(clause.start, t.start - 12), t.start)));
        if (subject) origin = { place: subject.place!, mention: subject, how: 'subject' };
      }
      const sentenceDemonyms = demonyms.filter((d) => d.place && inSpan(d, s));
      const otherCountry = (not: Place[]) => {
        const inSentence = placed.filter((t) => inSpan(t, s) && t.place!.kind === 'country' && !not.some((p) => p.country === t.place!.country));
        return inSentence[0] ?? null;
      };
      if (!origin) {
        const d = sentenceDemonyms.find((x) => inSpan(x, clause) && x.place!.country !== destination?.place.country) ?? sentenceDemonyms.find((x) => x.place!.country !== destination?.place.country);
        if (d) origin = { place: countryPlace(d.place!.country) ?? d.place!, mention: d, how: 'demonym' };
      }
      if (!origin) {
        const o = otherCountry([destination?.place, via?.place].filter(Boolean) as Place[]);
        if (o && o.start !== destination?.mention?.start) origin = { place: o.place!, mention: o, how: 'context' };
      }
      if (!origin && si > 0) {
        // The previous sentence's country, named or as a demonym ("members of Iran's Qods Force … Lynch stated most
        // of the Qods force operatives move through …").
        const prev = sentences[si - 1];
        const cands = [...placed.filter((t) => inSpan(t, prev)), ...demonyms.filter((d) => d.place && inSpan(d, prev))]
          .map((t) => countryPlace(t.place!.country) ?? t.place!)
          .filter((p) => p.country !== (destination?.place.country ?? via?.place.country));
        if (cands[0]) origin = { place: cands[0], mention: null, how: 'context' };
      }
      if (!destination && via && via.place.country !== origin?.place.country) {
        const p = countryPlace(via.place.country);
        if (p) destination = { place: p, mention: null, how: 'context' };
      }
      if (!destination && origin && recipient && theatre && theatre !== origin.place.country) {
        // Supplies for the armed groups the article is about go where those groups fight.
        const p = countryPlace(theatre);
        if (p) destination = { place: p, mention: null, how: 'context' };
      }
      if (!destination && origin) {
        const o = otherCountry([origin.place]);
        if (o) destination = { place: o.place!, mention: o, how: 'context' };
        else if (theatre && theatre !== origin.place.country) {
          const p = countryPlace(theatre);
          if (p) destination = { place: p, mention: null, how: 'context' };
        }
      }
      if (!origin || !destination) continue;
      if (origin.place.country === destination.place.country && !via) continue;
      if (contains(origin.place, destination.place) || contains(destination.place, origin.place)) continue;

      const named = [destination.mention, origin.mention, via?.mention].find((m) => m && inSpan(m, s));
      if (!named) continue;
      // The date the movement is reported for: a date in its clause that is not another event's ("last night's raid"),
      // else its article's date at month precision.
      const dates = findDates(ctext, ref, clause.start).filter((x) => free(x) && x.date && !/^['’]s\b/.test(text.slice(x.end, x.end + 3)));
      const d = dates[0] ?? (article.date ? { date: article.date, precision: 3 as const } : undefined);
      let confidence = 0.85;
      for (const e of [origin, destination]) if (e.how !== 'explicit') confidence -= e.how === 'context' ? 0.2 : 0.1;
      confidence *= Math.max(0.4, Number.isFinite(named.confidence) ? named.confidence : 0.5);
      routes.push({
        articles: [article.id],
        origin,
        destination,
        via,
        cargo: CARGO_ORDER.filter((c) => cargo.has(c)),
        actors: findActors(s.text, s.start).map((a) => a.name),
        date: d?.date ?? null,
        precision: d?.date ? d.precision : 3,
        confidence: Math.round(Math.max(0.05, confidence) * 100) / 100,
        sources: [{ article: article.id, title: article.title, date: article.date, sentence: s.text, start: named.start, end: named.end, sentence_start: s.start, sentence_end: s.end }]
      });
    }
  }
  return routes;
}

function endpointCompatible(a: Endpoint, b: Endpoint): boolean {
  return a.place.id === b.place.id || contains(a.place, b.place) || contains(b.place, a.place);
}

/** One supply line, however many sentences and articles report it: same origin, destination and crossing. */
export function mergeRoutes(routes: RouteRecord[]): RouteRecord[] {
  const out: RouteRecord[] = [];
  const specific = (a: Endpoint, b: Endpoint) => (contains(a.place, b.place) && a.place.id !== b.place.id ? b : a.how === 'explicit' || b.how !== 'explicit' ? a : b);
  for (const r of routes) {
    const same = out.find(
      (o) => endpointCompatible(o.origin, r.origin) && endpointCompatible(o.destination, r.destination) && (o.via?.place.id ?? null) === (r.via?.place.id ?? null)
    );
    if (!same) {
      out.push({ ...r, sources: [...r.sources] });
      continue;
    }
    same.origin = specific(same.origin, r.origin);
    same.destination = specific(same.destination, r.destination);
    same.cargo = CARGO_ORDER.filter((c) => same.cargo.includes(c) || r.cargo.includes(c));
    same.actors = [...new Set([...same.actors, ...r.actors])];
    same.articles = [...new Set([...same.articles, ...r.articles])];
    for (const s of r.sources) if (!same.sources.some((x) => x.article === s.article && x.sentence_start === s.sentence_start)) same.sources.push(s);
    if (r.date && (!same.date || r.date < same.date)) {
      same.date = r.date;
      same.precision = r.precision;
    }
    same.confidence = Math.min(0.99, Math.round((Math.max(same.confidence, r.confidence) + 0.05) * 100) / 100);
  }
  return out;
}
