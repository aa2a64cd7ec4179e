/**
 * Runtime loader for the bundled world gazetteer (`data/gazetteer.bin`, built by `npm run gazetteer`).
 *
 * Loading is one readFileSync plus typed-array views over the buffer: no parsing, no per-name objects.
 * Place objects are materialised on demand and cached. Pure TypeScript + node:fs; no DOM or SvelteKit.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Candidate, Place, PlaceKind } from './types';
import { ABBREVIATION_PREFIX, ARTIFACT_FILE, FLAG_FULL, FLAG_PREFIX, FORMAT_VERSION, INDEX_MASK, MAGIC, PRIMARY_BIT, SECTIONS, type ArtifactHeader } from './format';
import { hasArticle, hashKey, normalizeName, skeletonKey, stripArticle } from './normalize';

export { normalizeName, skeletonKey } from './normalize';
export type { Candidate, Place, PlaceKind } from './types';

export interface Gazetteer {
  /** Number of places. */
  readonly size: number;
  /** Longest indexed name in tokens (for n-gram scanning). */
  readonly maxNameTokens: number;
  /**
   * Exact normalised-name match (also matches with a leading Arabic article al/el/ad/an/ar/as/at/az
   * stripped, e.g. "Al Kut"→Kut, "al-Amarah"→Amarah). Falls back to skeleton matches only when `fuzzy`
   * is true and nothing exact matched. Candidates are ordered by population, descending.
   */
  lookup(surface: string, opts?: { fuzzy?: boolean }): Candidate[];
  /** Same, for an already normalised key: the recognizer's hot path. */
  lookupNormalized(key: string, opts?: { fuzzy?: boolean }): Candidate[];
  /** Is `key` (normalised) a name (2), a token prefix of a multi-token name (1), both (3) or neither (0)? */
  probe(key: string): 0 | 1 | 2 | 3;
  /** Is `surface` a curated all-caps abbreviation ("US", "EU", "NSW"), which lookup() matches only in capitals? */
  isAbbreviation(surface: string): boolean;
  byId(id: string): Place | undefined;
  country(iso2: string): Place | undefined;
  admin1(iso2: string, admin1Code: string): Place | undefined;
  admin2(iso2: string, admin1Code: string, admin2Name: string): Place | undefined;
}

/** The artifact directory next to this module (src/lib/gazetteer/data). */
function defaultDir(): string {
  try {
    return join(dirname(fileURLToPath(import.meta.url)), 'data');
  } catch {
    return resolve('src/lib/gazetteer/data');
  }
}

const cache = new Map<string, Gazetteer>();

/** Loads (once per directory) the gazetteer artifact. Synchronous. */
export function loadGazetteer(dir?: string): Gazetteer {
  const root = resolve(dir ?? defaultDir());
  let g = cache.get(root);
  if (!g) {
    g = new BinaryGazetteer(readFileSync(join(root, ARTIFACT_FILE)), join(root, ARTIFACT_FILE));
    cache.set(root, g);
  }
  return g;
}

interface HashTable {
  slots: Uint32Array;
  mask: number;
  key: Uint32Array;
  flags: Uint8Array;
  start: Uint32Array;
  postings: Uint32Array;
}

const NOT_FOUND = -1;

class BinaryGazetteer implements Gazetteer {
  readonly size: number;
  readonly maxNameTokens: number;

  private readonly buf: Buffer;
  private readonly header: ArtifactHeader;
  private readonly strOffsets: Uint32Array;
  private readonly strBase: number;
  private readonly lat: Float32Array;
  private readonly lon: Float32Array;
  private readonly population: Uint32Array;
  private readonly kind: Uint8Array;
  private readonly geonameId: Uint32Array;
  private readonly id: Uint32Array;
  private readonly geonameIdsSorted: Uint32Array;
  private readonly geonameIdsIndex: Uint32Array;
  private readonly name: Uint32Array;
  private readonly countryCol: Uint8Array;
  private readonly featureCode: Uint8Array;
  private readonly admin1Code: Uint32Array;
  private readonly admin1Name: Uint32Array;
  private readonly admin2Name: Uint32Array;
  private readonly names: HashTable;
  private readonly skeletons: HashTable;
  private readonly ids: HashTable;
  private readonly materialised = new Map<number, Place>();

  constructor(file: Buffer, path: string) {
    if (file.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${path}: not a gazetteer artifact`);
    const version = file.readUInt32LE(4);
    if (version !== FORMAT_VERSION) throw new Error(`${path}: format v${version}, loader expects v${FORMAT_VERSION}; run npm run gazetteer`);
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('gazetteer artifact needs a little-endian platform');
    // Typed-array views need aligned offsets; a pooled Buffer may not start at one.
    this.buf = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
    const headerLength = this.buf.readUInt32LE(8);
    this.header = JSON.parse(this.buf.toString('utf8', 12, 12 + headerLength)) as ArtifactHeader;
    this.size = this.header.places;
    this.maxNameTokens = this.header.maxNameTokens;
    this.strOffsets = this.u32(SECTIONS.stringOffsets);
    this.strBase = this.buf.byteOffset + this.header.sections[SECTIONS.stringBytes].offset;
    this.lat = this.f32(SECTIONS.lat);
    this.lon = this.f32(SECTIONS.lon);
    this.population = this.u32(SECTIONS.population);
    this.kind = this.u8(SECTIONS.kind);
    this.geonameId = this.u32(SECTIONS.geonameId);
    this.id = this.u32(SECTIONS.id);
    this.geonameIdsSorted = this.u32(SECTIONS.geonameIdsSorted);
    this.geonameIdsIndex = this.u32(SECTIONS.geonameIdsIndex);
    this.name = this.u32(SECTIONS.name);
    this.countryCol = this.u8(SECTIONS.country);
    this.featureCode = this.u8(SECTIONS.featureCode);
    this.admin1Code = this.u32(SECTIONS.admin1Code);
    this.admin1Name = this.u32(SECTIONS.admin1);
    this.admin2Name = this.u32(SECTIONS.admin2);
    this.names = this.table('names');
    this.skeletons = this.table('skeletons');
    this.ids = this.table('ids');
  }

  // --- section views

  private ref(name: string): { offset: number; length: number } {
    const r = this.header.sections[name];
    if (!r) throw new Error(`gazetteer artifact lacks section ${name}`);
    return r;
  }
  private u32(name: string): Uint32Array {
    const r = this.ref(name);
    return new Uint32Array(this.buf.buffer, this.buf.byteOffset + r.offset, r.length);
  }
  private f32(name: string): Float32Array {
    const r = this.ref(name);
    return new Float32Array(this.buf.buffer, this.buf.byteOffset + r.offset, r.length);
  }
  private u8(name: string): Uint8Array {
    const r = this.ref(name);
    return new Uint8Array(this.buf.buffer, this.buf.byteOffset + r.offset, r.length);
  }
  private table(name: string): HashTable {
    const slots = this.u32(`${name}.slots`);
    return {
      slots,
      mask: slots.length / 2 - 1,
      key: this.u32(`${name}.key`),
      flags: this.u8(`${name}.flags`),
      start: this.u32(`${name}.start`),
      postings: this.u32(`${name}.postings`),
    };
  }

  private str(index: number): string {
    if (index === 0) return '';
    const base = this.strBase - this.buf.byteOffset;
    return this.buf.toString('utf8', base + this.strOffsets[index], base + this.strOffsets[index + 1]);
  }
  private strOrNull(index: number): string | null {
    return index === 0 ? null : this.str(index);
  }

  /** Does string-table entry `index` equal `s`? Compares UTF-8 bytes against UTF-16 without allocating for ASCII. */
  private strEquals(index: number, s: string): boolean {
    const bytes = this.buf;
    let p = this.strBase - this.buf.byteOffset + this.strOffsets[index];
    const end = this.strBase - this.buf.byteOffset + this.strOffsets[index + 1];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return this.str(index) === s; // non-ASCII: rare; decode and compare
      if (p >= end || bytes[p] !== c) return false;
      p++;
    }
    return p === end;
  }

  /** Entry index for `key` in `t`, or NOT_FOUND. Allocation-free. */
  private find(t: HashTable, key: string): number {
    const h = hashKey(key);
    const slots = t.slots;
    let s = h & t.mask;
    for (;;) {
      const entry = slots[s * 2 + 1];
      if (entry === 0) return NOT_FOUND;
      if (slots[s * 2] === h && this.strEquals(t.key[entry - 1], key)) return entry - 1;
      s = (s + 1) & t.mask;
    }
  }

  // --- places

  private place(index: number): Place {
    let p = this.materialised.get(index);
    if (!p) {
      p = Object.freeze({
        id: this.geonameId[index] !== 0 ? String(this.geonameId[index]) : this.str(this.id[index]),
        name: this.str(this.name[index]),
        lat: Math.round(this.lat[index] * 1e5) / 1e5,
        lon: Math.round(this.lon[index] * 1e5) / 1e5,
        kind: this.header.kinds[this.kind[index]] as PlaceKind,
        featureCode: this.header.featureCodes[this.featureCode[index]],
        country: this.header.countries[this.countryCol[index]],
        admin1: this.strOrNull(this.admin1Name[index]),
        admin1Code: this.strOrNull(this.admin1Code[index]),
        admin2: this.strOrNull(this.admin2Name[index]),
        population: this.population[index],
      });
      this.materialised.set(index, p);
    }
    return p;
  }

  /** Candidate lists already built, per table entry (exact names, skeletons); callers get a copy of the list. */
  private readonly built = { exact: new Map<number, readonly Candidate[]>(), skeleton: new Map<number, readonly Candidate[]>() };

  private candidates(t: HashTable, entry: number, match: Candidate['match'], out: Candidate[]): void {
    const cache = this.built[match];
    let list = cache.get(entry);
    if (!list) {
      const made: Candidate[] = [];
      const end = t.start[entry + 1];
      for (let i = t.start[entry]; i < end; i++) {
        const posting = t.postings[i];
        made.push(Object.freeze({ place: this.place(posting & INDEX_MASK), match, primary: match === 'exact' && (posting & PRIMARY_BIT) !== 0 }));
      }
      if (cache.size >= 200_000) cache.clear(); // a long-running server reading everything stays bounded
      cache.set(entry, (list = made));
    }
    for (let i = 0; i < list.length; i++) out.push(list[i]);
  }

  // --- API

  lookup(surface: string, opts?: { fuzzy?: boolean }): Candidate[] {
    // Curated all-caps abbreviations ("US") only match in capitals: lower-cased they are ordinary words.
    if (surface.length <= 5 && /^[A-Z]{2,5}$/.test(surface)) {
      const entry = this.find(this.names, ABBREVIATION_PREFIX + surface);
      if (entry !== NOT_FOUND) {
        const out: Candidate[] = [];
        this.candidates(this.names, entry, 'exact', out);
        return out;
      }
    }
    return this.lookupNormalized(normalizeName(surface), opts);
  }

  isAbbreviation(surface: string): boolean {
    return surface.length <= 5 && /^[A-Z]{2,5}$/.test(surface) && this.find(this.names, ABBREVIATION_PREFIX + surface) !== NOT_FOUND;
  }

  lookupNormalized(key: string, opts?: { fuzzy?: boolean }): Candidate[] {
    let entry = this.find(this.names, key);
    if (entry !== NOT_FOUND && (this.names.flags[entry] & FLAG_FULL) === 0) entry = NOT_FOUND;
    if (entry === NOT_FOUND && hasArticle(key)) {
      entry = this.find(this.names, stripArticle(key));
      if (entry !== NOT_FOUND && (this.names.flags[entry] & FLAG_FULL) === 0) entry = NOT_FOUND;
    }
    if (entry !== NOT_FOUND) {
      const out: Candidate[] = [];
      this.candidates(this.names, entry, 'exact', out);
      return out;
    }
    if (opts?.fuzzy && key.length >= 5) {
      const sk = skeletonKey(key);
      const s = sk.length >= 3 ? this.find(this.skeletons, sk) : NOT_FOUND;
      if (s !== NOT_FOUND) {
        const out: Candidate[] = [];
        this.candidates(this.skeletons, s, 'skeleton', out);
        return out;
      }
    }
    return [];
  }

  probe(key: string): 0 | 1 | 2 | 3 {
    const entry = this.find(this.names, key);
    let flags = entry === NOT_FOUND ? 0 : this.names.flags[entry] & (FLAG_FULL | FLAG_PREFIX);
    if ((flags & FLAG_FULL) === 0 && hasArticle(key)) {
      const bare = this.find(this.names, stripArticle(key));
      if (bare !== NOT_FOUND) flags |= this.names.flags[bare] & FLAG_FULL;
    }
    return flags as 0 | 1 | 2 | 3;
  }

  byId(id: string): Place | undefined {
    if (/^[1-9]\d{0,9}$/.test(id)) {
      const target = Number(id);
      const ids = this.geonameIdsSorted;
      let lo = 0;
      let hi = ids.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (ids[mid] === target) return this.place(this.geonameIdsIndex[mid]);
        if (ids[mid] < target) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    }
    const entry = this.find(this.ids, id);
    return entry === NOT_FOUND ? undefined : this.place(this.ids.postings[this.ids.start[entry]]);
  }

  country(iso2: string): Place | undefined {
    return this.byId(`cc:${iso2.toUpperCase()}`);
  }

  admin1(iso2: string, admin1Code: string): Place | undefined {
    return this.byId(`@a1:${iso2.toUpperCase()}.${admin1Code}`);
  }

  admin2(iso2: string, admin1Code: string, admin2Name: string): Place | undefined {
    return this.byId(`@a2:${iso2.toUpperCase()}.${admin1Code}.${normalizeName(admin2Name)}`);
  }
}
