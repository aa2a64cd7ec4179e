/**
 * Downloads of the filtered view. The serialisers are loaded on demand so they stay out of the app shell.
 */
import type { AtlasFeature } from '../geojson/types';

export type ExportFormat = 'geojson' | 'csv' | 'routes-csv' | 'kml';

/** What a format holds: incidents and routes together, or one of them (CSV: ACLED's rows, then a file of routes). */
export type ExportContent = 'all' | 'incidents' | 'routes';

export const EXPORT_TYPES: Record<ExportFormat, { mime: string; ext: string; label: string; content: ExportContent }> = {
  geojson: { mime: 'application/geo+json', ext: 'geojson', label: 'GeoJSON', content: 'all' },
  csv: { mime: 'text/csv', ext: 'incidents.csv', label: 'CSV: incidents', content: 'incidents' },
  'routes-csv': { mime: 'text/csv', ext: 'routes.csv', label: 'CSV: routes', content: 'routes' },
  kml: { mime: 'application/vnd.google-earth.kml+xml', ext: 'kml', label: 'KML', content: 'all' }
};

/** The features a format writes. */
export function exportedFeatures(format: ExportFormat, features: AtlasFeature[]): AtlasFeature[] {
  const content = EXPORT_TYPES[format].content;
  return content === 'all' ? features : features.filter((f) => (content === 'incidents') === (f.properties.kind === 'incident'));
}

/** "12 incidents", "1 route", "13 features": what an export of these features in this format holds. */
export function exportSummary(format: ExportFormat, features: AtlasFeature[]): string {
  const n = exportedFeatures(format, features).length;
  const noun = { all: 'feature', incidents: 'incident', routes: 'route' }[EXPORT_TYPES[format].content];
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The features with each source's article URL filled in where one is known (article id → URL). */
export function withSourceUrls(features: AtlasFeature[], urls: ReadonlyMap<string, string>): AtlasFeature[] {
  if (urls.size === 0) return features;
  return features.map((f) => {
    if (!f.properties.sources.some((s) => urls.has(s.article) && !s.url)) return f;
    const sources = f.properties.sources.map((s) => (s.url || !urls.has(s.article) ? s : { ...s, url: urls.get(s.article)! }));
    return { ...f, properties: { ...f.properties, sources } } as AtlasFeature;
  });
}

/** Article id → URL for the stored articles imported with one; empty when the list cannot be had. */
export async function articleUrls(fetcher: typeof fetch = fetch): Promise<Map<string, string>> {
  try {
    const res = await fetcher('/api/articles');
    if (!res.ok) return new Map();
    const list = (await res.json()) as Array<{ id: string; url?: string | null }>;
    return new Map(list.filter((a) => typeof a.url === 'string' && /^https?:\/\//.test(a.url)).map((a) => [a.id, a.url as string]));
  } catch {
    return new Map();
  }
}

export async function serialise(format: ExportFormat, features: AtlasFeature[], urls?: ReadonlyMap<string, string>): Promise<string> {
  const chosen = withSourceUrls(exportedFeatures(format, features), urls ?? (await articleUrls()));
  if (format === 'geojson') return (await import('../geojson/to-geojson')).stringifyGeoJSON(chosen);
  if (format === 'kml') return (await import('../geojson/to-kml')).toKML(chosen);
  if (format === 'routes-csv') return (await import('../geojson/to-csv')).toRoutesCSV(chosen);
  return (await import('../geojson/to-csv')).toCSV(chosen);
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
