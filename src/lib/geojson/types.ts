import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

/** Where a feature came from: the article, the sentence, and the place name's span in the article text. */
export interface Source {
  /** Article id (file name without extension for files, or the id given on import). */
  article: string;
  title: string;
  /** Publication date of the article, YYYY-MM-DD, or null when unknown. */
  date: string | null;
  sentence: string;
  /**
   * Character span (JavaScript string indices) of the place name in the article text: the name the feature is
   * placed at. A sentence that only adds detail to an incident named in a nearby sentence points at that name.
   */
  start: number;
  end: number;
  /** Character span of `sentence` in the article text. */
  sentence_start: number;
  sentence_end: number;
  /** The article's address (http or https) when it was given on import; exports carry it. */
  url?: string;
}

/** The six ACLED event types (codebook 2019+). */
export type EventType =
  | 'Battles'
  | 'Explosions/Remote violence'
  | 'Violence against civilians'
  | 'Protests'
  | 'Riots'
  | 'Strategic developments';

/** ACLED sub-event types, by event type (codebook 2019+). */
export const SUB_EVENT_TYPES: Record<EventType, readonly string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Excessive force against protesters', 'Protest with intervention', 'Peaceful protest'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established',
    'Looting/property destruction', 'Non-violent transfer of territory', 'Other'
  ]
};

/**
 * Incident properties. Flat scalars (not nested objects) so MapLibre filter expressions can reach them;
 * `sources` and `actors` are arrays and are read from the feature in the side panel.
 */
export interface IncidentProperties {
  kind: 'incident';
  /** Stable: same input → same id. */
  id: string;
  event_type: EventType;
  sub_event_type: string;
  /** Short human summary, e.g. "Air/drone strike in Ghor". */
  title: string;
  actors: string[];
  /** Canonical actor name → the other spellings the sources used ("Islamic Revolutionary Guard Corps - Quds Force" → ["Qods Force", "IRGC-QF"]). */
  actor_aliases?: Record<string, string[]>;
  /** ACLED actor1 (who acted) and actor2 (who was acted on), as named; null when the text does not say. */
  actor1: string | null;
  actor2: string | null;
  killed: number | null;
  wounded: number | null;
  captured: number | null;
  /** YYYY-MM-DD of the event (start of the period when imprecise), or null. */
  date: string | null;
  /** ACLED time precision: 1 day, 2 approximate / week, 3 month or coarser. */
  time_precision: 1 | 2 | 3;
  /** The date as the text gives it ("June 30", "last night"), kept also when no year can be had (then `date` is null). */
  date_text: string | null;
  /** ACLED geo precision: 1 the named town or neighbourhood, 2 near a town / part of a region, 3 province or country only. */
  geo_precision: 1 | 2 | 3;
  place_name: string;
  gazetteer_id: string;
  /** e.g. ["Iraq", "Baghdad", "Sadr City"] (country › admin1 › admin2 › place, without repeats). */
  admin_path: string[];
  country: string;
  /** ISO 3166-1 alpha-2 code of the country. */
  country_code: string;
  admin1: string | null;
  confidence: number;
  sources: Source[];
  /** simplestyle-spec */
  'marker-color': string;
  'marker-size': 'small' | 'medium' | 'large';
  'marker-symbol'?: string;
}

export interface RouteEndpoint {
  name: string;
  gazetteer_id: string;
  country: string;
}

export interface RouteProperties {
  kind: 'route';
  id: string;
  /** What moves: "weapons", "EFPs", "fighters", "trainees", "money", "drugs" … */
  cargo: string;
  title: string;
  origin_name: string;
  origin_id: string;
  origin_country: string;
  destination_name: string;
  destination_id: string;
  destination_country: string;
  /** Transit place when named ("through the porous border in Wasit province"). */
  via_name: string | null;
  via_id: string | null;
  actors: string[];
  date: string | null;
  time_precision: 1 | 2 | 3;
  confidence: number;
  sources: Source[];
  /** simplestyle-spec */
  stroke: string;
  'stroke-width': number;
  'stroke-opacity': number;
}

export type IncidentFeature = Feature<Point, IncidentProperties>;
export type RouteFeature = Feature<LineString, RouteProperties>;
export type AtlasFeature = IncidentFeature | RouteFeature;
export type AtlasCollection = FeatureCollection<Point | LineString, IncidentProperties | RouteProperties>;
