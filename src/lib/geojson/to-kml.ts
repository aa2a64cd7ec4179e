import { toKML as tokml } from '@placemarkio/tokml';
import type { AtlasFeature } from './types';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** KML for Google Earth and GIS tools: name and description per placemark, every property as ExtendedData. */
export function toKML(features: AtlasFeature[]): string {
  const kmlFeatures = features.map((f) => {
    const p = f.properties;
    const what =
      p.kind === 'incident'
        ? [p.date ?? 'date unknown', p.sub_event_type, p.place_name, p.killed !== null ? `${p.killed} killed` : null, p.captured !== null ? `${p.captured} captured` : null]
        : [p.cargo, `${p.origin_name} → ${p.destination_name}`];
    // Viewers render a description as HTML: article text is escaped so it shows as text and never runs.
    const description = escapeHtml([what.filter(Boolean).join(' · '), ...p.sources.map((s) => `${s.title}: “${s.sentence}”`)].join('\n'));
    const { sources, actors, ...flat } = p as typeof p & { admin_path?: string[] };
    const extra: Record<string, string | number | null> = {};
    for (const [k, v] of Object.entries(flat))
      if (v !== null && v !== undefined) extra[k] = Array.isArray(v) ? v.join(" › ") : typeof v === 'object' ? JSON.stringify(v) : (v as string | number);
    return {
      ...f,
      properties: { name: p.title, description, ...extra, actors: actors.join('; '), sources: JSON.stringify(sources) }
    };
  });
  return tokml({ type: 'FeatureCollection', features: kmlFeatures });
}
