/**
 * Downloads of the filtered view. The serialisers are loaded on demand so they stay out of the app shell.
 */
import type { AtlasFeature } from '../geojson/types';

export type ExportFormat = 'geojson' | 'csv' | 'kml';

export const EXPORT_TYPES: Record<ExportFormat, { mime: string; ext: string; label: string }> = {
  geojson: { mime: 'application/geo+json', ext: 'geojson', label: 'GeoJSON' },
  csv: { mime: 'text/csv', ext: 'csv', label: 'CSV' },
  kml: { mime: 'application/vnd.google-earth.kml+xml', ext: 'kml', label: 'KML' }
};

export async function serialise(format: ExportFormat, features: AtlasFeature[]): Promise<string> {
  if (format === 'geojson') return (await import('../geojson/to-geojson')).stringifyGeoJSON(features);
  if (format === 'kml') return (await import('../geojson/to-kml')).toKML(features);
  return (await import('../geojson/to-csv')).toCSV(features);
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
