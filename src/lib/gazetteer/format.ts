/**
 * Layout of the binary gazetteer artifact (`data/gazetteer.bin`), shared by the build and the loader.
 *
 *   bytes 0..3   magic "IAGZ"
 *   bytes 4..7   format version (u32 LE)
 *   bytes 8..11  header length in bytes (u32 LE)
 *   bytes 12..   header: UTF-8 JSON {@link ArtifactHeader}, space-padded to a multiple of 8
 *   then         sections, each 8-byte aligned, at the offsets the header gives (relative to file start)
 *
 * All numbers are little-endian; the loader views sections as typed arrays without copying.
 *
 * Hash tables (names, skeletons, ids) share one layout: `slots` holds pairs (hash, entry + 1), 0 = empty,
 * linear probing over a power-of-two capacity at most 3/4 full. Per entry i: the key's string index,
 * flags, and the range [start[i], start[i + 1]) into the table's `postings`. A name posting is a place
 * index with bit 31 set when the key is the place's preferred/ASCII name.
 *
 * The ids table holds derived ids only (plus '@a1:'/'@a2:' lookup keys); GeoNames ids are found by binary
 * search in `geonames.ids`.
 *
 * Place string columns hold string-table indices (0 = null); country and feature code are u8 indices
 * into the header's `countries` / `featureCodes` lists.
 */
export const MAGIC = 'IAGZ';
export const FORMAT_VERSION = 1;
export const ARTIFACT_FILE = 'gazetteer.bin';
export const MANIFEST_FILE = 'manifest.json';

export type SectionType = 'u8' | 'u32' | 'f32';

export interface SectionRef {
  offset: number;
  /** Number of elements (not bytes). */
  length: number;
  type: SectionType;
}

export interface ArtifactHeader {
  places: number;
  strings: number;
  maxNameTokens: number;
  kinds: string[];
  countries: string[];
  featureCodes: string[];
  sections: Record<string, SectionRef>;
}

/** Entry flag bits in the name table. */
export const FLAG_FULL = 2;
export const FLAG_PREFIX = 1;

/**
 * Case-sensitive abbreviations ("US") live in the names table under this prefix + the exact capitals.
 * normalizeName never produces '=', so they cannot collide with normalised keys ("us" is the pronoun).
 */
export const ABBREVIATION_PREFIX = '=';

export const PRIMARY_BIT = 0x80000000;
export const INDEX_MASK = 0x7fffffff;

/** Section names. Places are columnar: one array per field, indexed by place index. */
export const SECTIONS = {
  stringOffsets: 'strings.offsets',
  stringBytes: 'strings.bytes',
  lat: 'place.lat',
  lon: 'place.lon',
  population: 'place.population',
  kind: 'place.kind',
  /** GeoNames id (u32), 0 for places with a derived id. */
  geonameId: 'place.geonameId',
  /** Derived id ("cc:IQ", "ne:IQ-BG", …) as a string index, 0 for GeoNames places. */
  id: 'place.id',
  /** GeoNames ids sorted ascending, and the place index of each: byId() binary-searches them. */
  geonameIdsSorted: 'geonames.ids',
  geonameIdsIndex: 'geonames.index',
  name: 'place.name',
  country: 'place.country',
  featureCode: 'place.featureCode',
  admin1Code: 'place.admin1Code',
  admin1: 'place.admin1',
  admin2: 'place.admin2',
} as const;

export const TABLE_PARTS = ['slots', 'key', 'flags', 'start', 'postings'] as const;
export type TableName = 'names' | 'skeletons' | 'ids';
