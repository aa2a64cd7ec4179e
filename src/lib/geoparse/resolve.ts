/**
 * Toponym resolution: picks each mention's referent from the document, not from the name alone.
 *
 * Every candidate gets a score from a prior (population, administrative rank, whether the name is its
 * preferred name) plus document evidence: the countries and provinces the document is about (from its other
 * mentions and its demonyms), explicit containment ("Musiyyib in northern Babil province", "Kut, Iraq"),
 * feature words ("Wasit province", "the city of Kut"), and distance to the other places. Evidence is
 * re-estimated for a few rounds from the current choices, leaving each mention's own vote out.
 * The same name in one document is resolved once ("one sense per discourse").
 *
 * Then a mention may be left unresolved, with the reason and the smallest container the text names for it:
 * when no candidate lies in that container ("Boma, in Lac province"), when the only candidates are small places
 * far from the document's places in countries it never names ("Baye" in an article about Mali), or when only a
 * transliteration matches outside the document's country.
 */
import distance from '@turf/distance';
import { skeletonKey } from '../gazetteer/normalize';
import type { Candidate, Place } from '../gazetteer/types';
import type { RecognizedMention } from './recognize';

export interface Resolution {
  place: Place | null;
  confidence: number;
  alternatives: Array<{ place: Place; score: number }>;
  container?: { place: Place; precision: 2 | 3 } | null;
  unresolved?: string | null;
}

export interface ResolveWeights {
  population: number;
  kind: Record<Place['kind'], number>;
  capital: number;
  primaryName: number;
  fuzzyPenalty: number;
  countryFocus: number;
  admin1Focus: number;
  demonym: number;
  container: number;
  containerMiss: number;
  featureMatch: number;
  featureMismatch: number;
  proximity: number;
  /** A province or district named like its own seat ("Najaf", "Karbala") is the city unless a cue says otherwise. */
  seatOverDivision: number;
  /** The same for a district named like its seat ("Kufa"): districts are named in news far less than their towns. */
  seatOverDistrict: number;
  /**
   * Other names in the document that could lie in the candidate's province / district, whatever their current
   * choice ("Huntsville" and "Walker County" are both in Alabama and in Texas; only in Texas is one inside the other).
   */
  admin1Support: number;
  admin2Support: number;
  /** The candidate's country is itself named in the document, or by a demonym. */
  namedCountry: number;
  /**
   * Least evidence a focus share is taken over: a lone demonym beside one place ("Russian forces shelled …,
   * Donetsk") is not the whole document's focus.
   */
  focusFloor: number;
  /** A hyphenated pair names peers: the candidate is of the same kind as its partner's choice ("Georgia-Russia war"). */
  pairedKind: number;
}

export const DEFAULT_WEIGHTS: ResolveWeights = {
  population: 0.9,
  kind: { country: 3.15, region: 3.0, admin1: 2.0, admin2: 1.33, city: 0, neighbourhood: -0.6 },
  capital: 1.33,
  primaryName: 2.5,
  fuzzyPenalty: 1.5,
  countryFocus: 4.0,
  admin1Focus: 5.3,
  demonym: 1.5,
  container: 2.0,
  containerMiss: 1.5,
  featureMatch: 3.0,
  featureMismatch: 1.33,
  proximity: 2.0,
  seatOverDivision: 1.75,
  seatOverDistrict: 3.0,
  admin1Support: 1.0,
  admin2Support: 2.0,
  namedCountry: 1.75,
  pairedKind: 4.0,
  focusFloor: 1
};

const MAX_CANDIDATES = 40;
/** A place outside the document's countries is an outlier when smaller than this and this far from all its places. */
const OUTLIER_POPULATION = 100_000;
const OUTLIER_KM = 1000;
const ROUNDS = 3;

interface Group {
  key: string;
  /** The surface form, lower-cased. */
  name: string;
  mentions: number[];
  candidates: Candidate[];
  prior: number[];
  /** Current choice index into candidates, and its softmax probability. */
  choice: number;
  probs: number[];
  /** Per candidate, computed once: admin-1 and admin-2 keys, latitude and longitude in radians, cos(latitude). */
  k1: (string | null)[];
  k2: (string | null)[];
  latR: Float64Array;
  lonR: Float64Array;
  cosR: Float64Array;
}

function priorScore(c: Candidate, w: ResolveWeights): number {
  const p = c.place;
  let s = w.population * Math.log10(p.population + 10) + (w.kind[p.kind] ?? 0);
  if (p.featureCode === 'PPLC') s += w.capital;
  else if (p.featureCode === 'PPLA') s += w.capital / 2;
  if (c.primary) s += w.primaryName;
  if (c.match !== 'exact') s -= w.fuzzyPenalty;
  return s;
}

function softmax(xs: number[]): number[] {
  const max = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

const RAD = Math.PI / 180;
/** turf's haversine (same radius and formula) on radians with precomputed cosines: the resolver's inner loop. */
function haversineKm(lat1: number, lon1: number, cos1: number, lat2: number, lon2: number, cos2: number): number {
  const a = Math.sin((lat2 - lat1) / 2) ** 2 + Math.sin((lon2 - lon1) / 2) ** 2 * cos1 * cos2;
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * 6371.0088;
}

/** Great-circle distance in km between two places. */
const km = (a: Place, b: Place): number => distance([a.lon, a.lat], [b.lon, b.lat]);

/** Is `city` the seat (or a major city) of the same-named `division`, or its country's capital? */
function isSeatOf(city: Place, division: Place): boolean {
  if (city.kind !== 'city' || city.country !== division.country) return false;
  if (division.kind === 'admin1') {
    // The national capital outranks a same-named province anywhere in its country ("Washington").
    if (city.featureCode === 'PPLC') return true;
    if (city.admin1Code !== division.admin1Code) return false;
    return city.featureCode === 'PPLA' || city.featureCode === 'PPLC' || city.population >= 50_000;
  }
  return city.admin2 === division.name || city.featureCode === 'PPLA2' || km(city, division) < 50;
}

/** The district a place lies in (or is), as country.admin1.name; null when unknown. */
function admin2Key(p: Place): string | null {
  if (p.kind === 'admin2') return p.admin1Code ? `${p.country}.${p.admin1Code}.${p.name}` : null;
  if (p.kind === 'city' || p.kind === 'neighbourhood') return p.admin1Code && p.admin2 ? `${p.country}.${p.admin1Code}.${p.admin2}` : null;
  return null;
}

function admin1Key(p: Place): string | null {
  if (p.kind === 'country') return null;
  if (p.kind === 'admin1') return `${p.country}.${p.admin1Code ?? p.id}`;
  return p.admin1Code ? `${p.country}.${p.admin1Code}` : null;
}

/** Does `outer` contain `inner` (same country for a country; same admin-1 for a province)? */
function contains(outer: Place, inner: Place): boolean {
  if (outer.id === inner.id) return false;
  if (outer.kind === 'country') return inner.country === outer.country;
  if (outer.kind === 'admin1') return inner.country === outer.country && inner.kind !== 'country' && inner.kind !== 'admin1' && !!inner.admin1Code && inner.admin1Code === outer.admin1Code;
  if (outer.kind === 'admin2') return inner.country === outer.country && !!inner.admin2 && inner.admin2 === outer.name;
  // "Sadr City, Baghdad": a city containing a neighbourhood.
  if (outer.kind === 'city' && inner.kind === 'neighbourhood') return km(outer, inner) < 30;
  return false;
}

export function resolve(
  mentions: RecognizedMention[],
  demonymCountries: Map<string, number>,
  w: ResolveWeights = DEFAULT_WEIGHTS
): Resolution[] {
  // Group mentions by surface form (case-insensitive): one sense per discourse.
  const groups: Group[] = [];
  const groupOf: number[] = new Array(mentions.length);
  const byKey = new Map<string, Group>();
  mentions.forEach((m, i) => {
    // Occurrences with their own feature word ("Farah Province" vs "Farah city") are resolved apart.
    const key = `${m.text.toLowerCase()}|${m.cues.featureAfter ?? m.cues.featureBefore ?? ''}`;
    let g = byKey.get(key);
    if (!g) {
      const candidates = m.candidates.slice(0, MAX_CANDIDATES);
      const prior = candidates.map((c) => priorScore(c, w));
      candidates.forEach((c, k) => {
        if (c.place.kind !== 'admin1' && c.place.kind !== 'admin2') return;
        const seats = candidates.map((d, j) => (isSeatOf(d.place, c.place) ? j : -1)).filter((j) => j >= 0);
        if (seats.length) prior[k] -= c.place.kind === 'admin1' ? w.seatOverDivision : w.seatOverDistrict;
        // A seat whose own name is a spelling of the name written ("Mykolayiv" for "Mykolaiv", "Kyiv" for "Kiev"),
        // which is its division's own name, matches it as well as the division does.
        if (c.primary) for (const j of seats) if (!candidates[j].primary && candidates[j].match === 'exact' && skeletonKey(candidates[j].place.name) === skeletonKey(m.text)) {
          prior[j] += w.primaryName;
          candidates[j] = { ...candidates[j], primary: true };
        }
      });
      const n = candidates.length;
      g = { key, name: m.text.toLowerCase(), mentions: [], candidates, prior, choice: 0, probs: [], k1: new Array(n), k2: new Array(n), latR: new Float64Array(n), lonR: new Float64Array(n), cosR: new Float64Array(n) };
      for (let k = 0; k < n; k++) {
        const p = candidates[k].place;
        g.k1[k] = admin1Key(p);
        g.k2[k] = admin2Key(p);
        g.latR[k] = p.lat * RAD;
        g.lonR[k] = p.lon * RAD;
        g.cosR[k] = Math.cos(g.latR[k]);
      }
      g.probs = softmax(g.prior.length ? g.prior : [0]);
      g.choice = argmax(g.prior);
      byKey.set(key, g);
      groups.push(g);
    }
    g.mentions.push(i);
    groupOf[i] = groups.indexOf(g);
  });

  const totalDemonyms = [...demonymCountries.values()].reduce((a, b) => a + b, 0);
  const datelineGroups = new Set(mentions.flatMap((m, i) => (m.cues.dateline ? [groupOf[i]] : [])));
  // The mentions each group is named as the container of ("Diffa, Niger": Niger contains Diffa).
  const contained = groups.map(() => [] as number[]);
  mentions.forEach((m, i) => {
    if (m.cues.containerMention !== null && !m.cues.containerInList) contained[groupOf[m.cues.containerMention]].push(i);
  });

  // Which provinces and districts each group's candidates could put it in; a name spread over many provinces
  // ("Springfield") supports each of them less.
  const reach = groups.map((g) => {
    const a1 = new Set<string>();
    const a2 = new Set<string>();
    for (let k = 0; k < g.candidates.length; k++) {
      const k1 = g.k1[k];
      if (k1) a1.add(k1);
      const k2 = g.k2[k];
      if (k2) a2.add(k2);
    }
    return { a1, a2, w1: 1 / Math.sqrt(Math.max(1, a1.size)), w2: 1 / Math.sqrt(Math.max(1, a2.size)) };
  });
  const support = groups.map((g, gi) =>
    g.candidates.map((_, k) => {
      const k1 = g.k1[k];
      const k2 = g.k2[k];
      let s1 = 0, s2 = 0;
      reach.forEach((r, h) => {
        if (h === gi) return;
        if (k1 && r.a1.has(k1)) s1 += r.w1;
        if (k2 && r.a2.has(k2)) s2 += r.w2;
      });
      return w.admin1Support * Math.min(1, s1) + w.admin2Support * Math.min(1, s2);
    })
  );
  groups.forEach((g, gi) => g.prior.forEach((_, k) => (g.prior[k] += support[gi][k])));

  // Each candidate's distance to the nearest other chosen place, kept while the choices do not change.
  const nearestKm = groups.map((g) => new Float64Array(g.candidates.length));
  let previousChoice: (Place | null)[] | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    // Document focus: expected country / admin-1 votes of every group under its current distribution.
    const countryVotes = new Map<string, number>();
    const admin1Votes = new Map<string, number>();
    const groupVotes = groups.map((g) => {
      const cv = new Map<string, number>();
      const av = new Map<string, number>();
      const weight = g.mentions.length > 1 ? 1 + Math.log(g.mentions.length) : 1;
      g.candidates.forEach((c, k) => {
        const p = g.probs[k] * weight;
        if (p < 1e-3) return;
        cv.set(c.place.country, (cv.get(c.place.country) ?? 0) + p);
        const a1 = g.k1[k];
        if (a1) av.set(a1, (av.get(a1) ?? 0) + p);
      });
      for (const [k, v] of cv) countryVotes.set(k, (countryVotes.get(k) ?? 0) + v);
      for (const [k, v] of av) admin1Votes.set(k, (admin1Votes.get(k) ?? 0) + v);
      return { cv, av, weight };
    });
    for (const [cc, n] of demonymCountries) countryVotes.set(cc, (countryVotes.get(cc) ?? 0) + 0.5 * n);
    const totalVotes = groups.reduce((s, g, gi) => s + groupVotes[gi].weight, 0) + 0.5 * totalDemonyms;

    const chosen = groups.map((g) => (g.candidates.length ? g.candidates[g.choice].place : null));
    const sameChoices = previousChoice !== null && chosen.every((p, gi) => p === previousChoice![gi]);
    previousChoice = chosen;
    // The chosen places other candidates measure their distance to (countries are too large to be near anything).
    const anchors = chosen.flatMap((p, gi) =>
      p && p.kind !== 'country' ? [{ group: gi, name: groups[gi].name, lat: p.lat * RAD, lon: p.lon * RAD, cosLat: Math.cos(p.lat * RAD) }] : []
    );
    // Countries the document names outright (by the current choices, or by a demonym), with the group naming them.
    const namedCountries = new Map<string, number>();
    // A dateline ("KANO, Nigeria —") names the document's country as surely as the country's name does.
    chosen.forEach((p, gi) => {
      if (p && (p.kind === 'country' || datelineGroups.has(gi))) namedCountries.set(p.country, gi);
    });
    // A country is named by its demonym only when one is not just an armed actor's ("Russian artillery").
    for (const [cc, n] of demonymCountries) if (n >= 1 && !namedCountries.has(cc)) namedCountries.set(cc, -1);

    const next = groups.map((g, gi) => {
      if (!g.candidates.length) return { choice: 0, probs: [] as number[] };
      const own = groupVotes[gi];
      const others = Math.max(w.focusFloor, totalVotes - own.weight);
      const scores = g.candidates.map((c, k) => {
        const p = c.place;
        let s = g.prior[k];
        const countryShare = ((countryVotes.get(p.country) ?? 0) - (own.cv.get(p.country) ?? 0)) / others;
        s += w.countryFocus * Math.max(0, countryShare);
        const a1 = g.k1[k];
        if (a1) {
          const a1Share = ((admin1Votes.get(a1) ?? 0) - (own.av.get(a1) ?? 0)) / others;
          s += w.admin1Focus * Math.max(0, a1Share);
        }
        const countryNamer = namedCountries.get(p.country);
        if (p.kind !== 'country' && countryNamer !== undefined && countryNamer !== gi) s += w.namedCountry;
        // Cues from each occurrence, averaged over the group's occurrences.
        let cue = 0;
        for (const mi of g.mentions) {
          const cues = mentions[mi].cues;
          if (cues.demonymCountry) cue += cues.demonymCountry === p.country ? w.demonym : -w.demonym / 2;
          const feature = cues.featureAfter ?? cues.featureBefore;
          if (feature) {
            const fits = feature === p.kind || (feature === 'city' && p.kind === 'neighbourhood') || (feature === 'admin2' && p.kind === 'admin1' && p.country !== 'US');
            cue += fits ? w.featureMatch : -w.featureMismatch;
          }
          if (cues.pairedMention !== null) {
            const partner = chosen[groupOf[cues.pairedMention]];
            if (partner && partner.kind === p.kind) cue += w.pairedKind;
          }
          if (cues.containerMention !== null && !cues.containerInList) {
            const container = chosen[groupOf[cues.containerMention]];
            if (container && container.id !== p.id) cue += contains(container, p) ? w.container : -w.containerMiss;
          }
        }
        s += cue / g.mentions.length;
        // A container is chosen among the candidates that hold what it is said to contain (Niger the country, not
        // Nigeria's Niger State, for "Diffa, Niger").
        if (contained[gi].length) {
          const held = contained[gi].filter((mi) => {
            const inner = chosen[groupOf[mi]];
            return !!inner && contains(p, inner);
          }).length;
          s += (w.container * held) / contained[gi].length;
        }
        // Spatial coherence: nearness to the closest other chosen place (log scale, 0 beyond ~2,000 km).
        if (p.kind !== 'country') {
          let nearest = Infinity;
          if (sameChoices) nearest = nearestKm[gi][k];
          else {
            const lat = g.latR[k], lon = g.lonR[k], cosLat = g.cosR[k];
            for (const a of anchors) {
              // The same name set apart by a feature word ("Farah Province", "Farah city") is no evidence for itself.
              if (a.group === gi || a.name === g.name) continue;
              const d = haversineKm(lat, lon, cosLat, a.lat, a.lon, a.cosLat);
              if (d < nearest) nearest = d;
            }
            nearestKm[gi][k] = nearest;
          }
          if (nearest < Infinity) s += w.proximity * Math.max(0, 1 - Math.log10(1 + nearest) / Math.log10(2000));
        }
        return s;
      });
      const probs = softmax(scores);
      return { choice: argmax(scores), probs };
    });
    next.forEach((n, gi) => {
      groups[gi].choice = n.choice;
      groups[gi].probs = n.probs;
    });
  }

  // A transliteration-only match is trusted only in the country the document is most about, or inside the
  // container it names ("Musiyyib in northern Babil province"); elsewhere ("Qasirin" → a town in Iran in an
  // article about Iraq) the mention is kept but left unplaced.
  const countryMentions = new Map<string, number>();
  for (const g of groups) {
    const c = g.candidates[g.choice];
    if (c && c.match === 'exact') countryMentions.set(c.place.country, (countryMentions.get(c.place.country) ?? 0) + g.mentions.length);
  }
  for (const [cc, n] of demonymCountries) countryMentions.set(cc, (countryMentions.get(cc) ?? 0) + n);
  const focus = [...countryMentions].sort((a, b) => b[1] - a[1])[0]?.[0];
  const finalChoice = groups.map((g) => g.candidates[g.choice]?.place ?? null);
  // Document geography: the countries the text names (outright or by a demonym) and the places it settles on.
  const namedCountries = new Set<string>([...demonymCountries].filter(([, n]) => n >= 1).map(([cc]) => cc));
  // A national capital stands for its country as well ("Cairo said").
  finalChoice.forEach((p, gi) => {
    if (p && (p.kind === 'country' || p.featureCode === 'PPLC' || datelineGroups.has(gi))) namedCountries.add(p.country);
  });
  /**
   * A small place in a country the text never names, far from every other place in it, is a same-named place
   * elsewhere ("Baye" in an article about Mali → Brittany): the best candidate in a country the text names, else none.
   */
  const outlierMemo = new Map<string, boolean>();
  const outlier = (gi: number, p: Place): boolean => {
    const key = `${gi}:${p.id}`;
    let r = outlierMemo.get(key);
    if (r === undefined) outlierMemo.set(key, (r = isOutlier(gi, p)));
    return r;
  };
  const isOutlier = (gi: number, p: Place): boolean => {
    if (p.kind === 'country' || p.kind === 'region' || p.kind === 'admin1' || namedCountries.has(p.country)) return false;
    if (p.population >= OUTLIER_POPULATION || p.featureCode === 'PPLC') return false;
    // Support per country: mentions of the places chosen there.
    const support = new Map<string, number>();
    const largest = new Map<string, number>();
    for (let o = 0; o < groups.length; o++) {
      const q = finalChoice[o];
      if (o === gi || !q || q.kind === 'region' || groups[o].candidates[groups[o].choice].match !== 'exact') continue;
      if (q.country === p.country) return false;
      if (q.kind !== 'country' && km(p, q) < OUTLIER_KM) return false;
      // A province or district named counts double: it names the document's region.
      support.set(q.country, (support.get(q.country) ?? 0) + groups[o].mentions.length * (q.kind === 'admin1' || q.kind === 'admin2' ? 2 : 1));
      largest.set(q.country, Math.max(largest.get(q.country) ?? 0, q.population));
    }
    // Only against a clear focus elsewhere: a country the text names, or one with more mentions than this place.
    const own = groups[gi].mentions.length;
    // On a tie, a town ten times this place's size is the clearer focus.
    return [...support].some(([cc, n]) => namedCountries.has(cc) || n > own || (n === own && (largest.get(cc) ?? 0) >= 10 * Math.max(1_000, p.population)));
  };
  const trustedFuzzy = (g: Group, p: Place) =>
    p.country === focus ||
    g.mentions.some((mi) => {
      const c = mentions[mi].cues.containerMention;
      const container = c === null ? null : finalChoice[groupOf[c]];
      return !!container && contains(container, p);
    });
  // The smallest container the text names for each mention: its own container when that is placed, else that
  // container's own ("Onihale in Ifo of Ogun State" with Ifo unknown → Ogun State).
  const containerOf = (i: number): { place: Place; precision: 2 | 3; direct: boolean } | null => {
    if (mentions[i].cues.containerInList) return null;
    let c = mentions[i].cues.containerMention;
    let part = mentions[i].cues.containerPart;
    for (let hops = 0; c !== null && hops < 4; hops++) {
      const p = finalChoice[groupOf[c]];
      if (p && p.kind !== 'neighbourhood') {
        const precision: 2 | 3 = part || p.kind === 'admin2' || p.kind === 'city' ? 2 : 3;
        return { place: p, precision, direct: hops === 0 };
      }
      part = part || mentions[c].cues.containerPart;
      c = mentions[c].cues.containerMention;
    }
    return null;
  };

  return mentions.map((_, i) => {
    const g = groups[groupOf[i]];
    // A container is larger than what it holds; "Colorado, Oregon" is a list, not Colorado in Oregon.
    let container = containerOf(i);
    const own = g.candidates[g.choice]?.place;
    // A spelling-variant match ("Barawe" ~ Brava, Cape Verde) says nothing about the name's own rank.
    if (container && own && g.candidates[g.choice].match === 'exact' && RANK[own.kind] >= RANK[container.place.kind]) container = null;
    const out = (r: Omit<Resolution, 'container' | 'unresolved'>, unresolved: string | null = null): Resolution => ({
      ...r,
      container: container ? { place: container.place, precision: container.precision } : null,
      unresolved
    });
    const alternatives = () => g.candidates.slice(0, 5).map((c, k) => ({ place: c.place, score: +g.probs[k].toFixed(3) }));
    if (!g.candidates.length) return out({ place: null, confidence: 0, alternatives: [] }, 'no such name in the gazetteer');
    let choice = g.choice;
    const probs = g.probs;
    // A container the text names outright is a hard constraint: the best candidate inside it, else none
    // ("Boma, in Lac province" with no Boma in Lac → unresolved, in Lac). Any reading of the container's name
    // counts (Crimea is a province of two countries in the gazetteer), but only an exact, fairly sure one.
    const cm = container?.direct ? mentions[i].cues.containerMention : null;
    const cg = cm === null ? null : groups[groupOf[cm]];
    if (container && cg && cg.candidates[cg.choice].match === 'exact' && cg.probs[cg.choice] >= 0.5 && container.place.kind !== 'city') {
      const readings = cg.candidates.filter((c, k) => c.match === 'exact' && cg.probs[k] >= 0.01 && RANK[c.place.kind] > RANK.city).map((c) => c.place);
      const holds = (k: number) => readings.some((r) => within(r, g.candidates[k].place));
      if (!holds(choice)) {
        const inside = g.candidates.map((_, k) => k).filter(holds);
        if (!inside.length) return out({ place: null, confidence: 0, alternatives: alternatives() }, `no place of this name in ${container.place.name}`);
        choice = inside.reduce((a, b) => (probs[b] > probs[a] ? b : a));
      }
    }
    if (outlier(groupOf[i], g.candidates[choice].place)) {
      const named = g.candidates.map((_, k) => k).filter((k) => namedCountries.has(g.candidates[k].place.country));
      if (!named.length) return out({ place: null, confidence: 0, alternatives: alternatives() }, 'a small place far from the document\'s places, in a country it does not name');
      choice = named.reduce((a, b) => (probs[b] > probs[a] ? b : a));
    }
    const chosen = g.candidates[choice];
    if (chosen.match !== 'exact' && !trustedFuzzy(g, chosen.place)) {
      return out({ place: null, confidence: 0, alternatives: alternatives() }, 'spelling variant outside the document\'s country');
    }
    const order = g.candidates.map((_, k) => k).sort((a, b) => probs[b] - probs[a]);
    return out({
      place: chosen.place,
      confidence: +probs[choice].toFixed(3),
      alternatives: order.filter((k) => k !== choice).slice(0, 5).map((k) => ({ place: g.candidates[k].place, score: +probs[k].toFixed(3) }))
    });
  });
}

const RANK: Record<Place['kind'], number> = { neighbourhood: 0, city: 1, admin2: 2, admin1: 3, country: 4, region: 5 };

/**
 * Does a container the text names hold `inner`? Its country must match; below that the gazetteer's division
 * codes come from different sources and do not always agree, so a place near the division's point counts too.
 */
function within(outer: Place, inner: Place): boolean {
  if (outer.id === inner.id) return true;
  if (outer.kind === 'country') return inner.country === outer.country;
  if (outer.kind === 'region') return !outer.country || inner.country === outer.country;
  if (RANK[inner.kind] >= RANK[outer.kind]) return false;
  // A province filed under another country than its own places but with their code (Crimea) holds them.
  if (outer.kind === 'admin1' && !!inner.admin1Code && inner.admin1Code === outer.admin1Code && km(outer, inner) < 300) return true;
  if (inner.country !== outer.country) return false;
  if (outer.kind === 'admin1') return inner.admin1Code === outer.admin1Code || km(outer, inner) < 300;
  if (outer.kind === 'admin2') return inner.admin2 === outer.name || km(outer, inner) < 100;
  return km(outer, inner) < 30;
}

function argmax(xs: number[]): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[best]) best = i;
  return best;
}
