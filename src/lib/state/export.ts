/**
 * Downloads of the filtered view. The serialisers are loaded on demand so they stay out of the app shell.
 */
import type { AtlasCollection, AtlasFeature } from '../geojson/types';

export type ExportFormat = 'geojson' | 'csv' | 'kml';

export const EXPORT_TYPES: Record<ExportFormat, { mime: string; ext: string; label: string }> = {
  geojson: { mime: 'application/geo+json', ext: 'geojson', label: 'GeoJSON' },
  csv: { mime: 'text/csv', ext: 'csv', label: 'CSV' },
  kml: { mime: 'application/vnd.google-earth.kml+xml', ext: 'kml', label: 'KML' }
};

export function collection(features: AtlasFeature[]): AtlasCollection {
  return { type: 'FeatureCollection', features };
}

export async function serialise(format: ExportFormat, features: AtlasFeature[]): Promise<string> {
  const fc = collection(features);
  if (format === 'geojson') return JSON.stringify(fc, null, 1);
  if (format === 'kml') {
    const { toKML } = await import('@placemarkio/tokml');
    return toKML(flatten(fc) as never);
  }
  const Papa = (await import('papaparse')).default;
  return Papa.unparse(
    features.map((f) => {
      const p = f.properties as unknown as Record<string, unknown>;
      const row: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(p)) row[k] = Array.isArray(v) ? (k === 'sources' ? v.map((s) => s.article).join('; ') : v.join('; ')) : v;
      if (f.geometry.type === 'Point') [row.longitude, row.latitude] = f.geometry.coordinates;
      else row.wkt = `LINESTRING (${f.geometry.coordinates.map((c) => c.join(' ')).join(', ')})`;
      return row;
    })
  );
}

/** KML ExtendedData holds scalars: arrays become readable strings. */
function flatten(fc: AtlasCollection): AtlasCollection {
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      properties: Object.fromEntries(
        Object.entries(f.properties).map(([k, v]) => [
          k === 'title' ? 'name' : k,
          Array.isArray(v) ? (k === 'sources' ? v.map((s) => `${s.title}: ${s.sentence}`).join('\n') : v.join('; ')) : v
        ])
      )
    })) as unknown as AtlasFeature[]
  };
}

export function download(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
