import type { AtlasCollection, AtlasFeature } from './types';

/** An RFC 7946 FeatureCollection of the given features (incidents first, as `extract` orders them). */
export function toGeoJSON(features: AtlasFeature[]): AtlasCollection {
  return { type: 'FeatureCollection', features: features.map((f) => ({ ...f, properties: { ...f.properties } })) };
}

/** The collection as JSON text, the form written to files. */
export function stringifyGeoJSON(features: AtlasFeature[]): string {
  return JSON.stringify(toGeoJSON(features), null, 2) + '\n';
}
