import { toKML as tokml } from '@placemarkio/tokml';
import { EVENT_COLOURS } from './style';
import type { AtlasFeature, Source } from './types';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
/** XML text and attribute content (style ids, dates) the serialiser writes itself. */
const escapeXml = escapeHtml;

/** Counts whose absence means "the text does not say": written as an empty value, the same as the CSV's empty cell. */
const COUNTS = ['killed', 'wounded', 'captured'] as const;

/** KML colours are aabbggrr. */
function kmlColour(hex: string, opacity = 1): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const [r, g, b] = m ? [m[1], m[2], m[3]] : ['88', '88', '88'];
  const a = Math.round(Math.max(0, Math.min(1, opacity)) * 255).toString(16).padStart(2, '0');
  return `${a}${b}${g}${r}`.toLowerCase();
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The style a feature uses: one per event type for incidents, one per line colour and width for routes. */
function styleOf(f: AtlasFeature): { id: string; xml: string } {
  const p = f.properties;
  if (p.kind === 'incident') {
    const id = `incident-${slug(p.event_type)}`;
    const colour = kmlColour(EVENT_COLOURS[p.event_type] ?? p['marker-color']);
    return {
      id,
      xml:
        `<Style id="${escapeXml(id)}"><IconStyle><color>${colour}</color><scale>0.9</scale>` +
        `<Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle>` +
        `<LabelStyle><scale>0</scale></LabelStyle></Style>`
    };
  }
  const width = Math.max(1, Math.round(p['stroke-width'] || 2));
  const id = `route-${slug(p.stroke)}-${width}`;
  return { id, xml: `<Style id="${escapeXml(id)}"><LineStyle><color>${kmlColour(p.stroke, p['stroke-opacity'] ?? 1)}</color><width>${width}</width></LineStyle></Style>` };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * When it happened: a TimeStamp for a known day; a TimeSpan for a period (precision 2: the week from the date;
 * precision 3: the month the date starts). Nothing when the date is unknown.
 */
export function kmlTime(date: string | null, precision: 1 | 2 | 3): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  if (precision === 1) return `<TimeStamp><when>${date}</when></TimeStamp>`;
  const end = precision === 2 ? addDays(date, 6) : `${date.slice(0, 7)}-${lastDay(date)}`;
  return `<TimeSpan><begin>${date}</begin><end>${end}</end></TimeSpan>`;
}

function lastDay(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
}

const sourceLine = (s: Source) => `${s.title}: “${s.sentence}”${s.url ? ` ${s.url}` : ''}`;

/**
 * KML for Google Earth and GIS tools: name, description, time and style per placemark, every property as
 * ExtendedData. tokml writes the placemarks; the styles, TimeStamp/TimeSpan and styleUrl are added in the places
 * the KML 2.2 schema orders them (before ExtendedData).
 */
export function toKML(features: AtlasFeature[]): string {
  const styles = new Map<string, string>();
  const extras: string[] = [];
  const kmlFeatures = features.map((f) => {
    const p = f.properties;
    const what =
      p.kind === 'incident'
        ? [p.date ?? 'date unknown', p.sub_event_type, p.place_name, p.killed !== null ? `${p.killed} killed` : null, p.captured !== null ? `${p.captured} captured` : null]
        : [p.date ?? 'date unknown', p.cargo, `${p.origin_name} → ${p.destination_name}`];
    // Viewers render a description as HTML: article text is escaped so it shows as text and never runs.
    const description = escapeHtml([what.filter(Boolean).join(' · '), ...p.sources.map(sourceLine)].join('\n'));
    const { sources, actors, ...flat } = p as typeof p & { admin_path?: string[] };
    const extra: Record<string, string | number | null> = {};
    for (const [k, v] of Object.entries(flat))
      if (v !== null && v !== undefined) extra[k] = Array.isArray(v) ? v.join(' › ') : typeof v === 'object' ? JSON.stringify(v) : (v as string | number);
    if (p.kind === 'incident') for (const k of COUNTS) extra[k] = p[k] ?? '';
    const urls = [...new Set(sources.map((s) => s.url).filter(Boolean))];
    const style = styleOf(f);
    styles.set(style.id, style.xml);
    extras.push(kmlTime(p.date, p.time_precision) + `<styleUrl>#${escapeXml(style.id)}</styleUrl>`);
    return {
      ...f,
      properties: { name: p.title, description, ...extra, actors: actors.join('; '), source_url: urls.join(' '), sources: JSON.stringify(sources) }
    };
  });
  const kml = tokml({ type: 'FeatureCollection', features: kmlFeatures });
  // tokml writes exactly one <ExtendedData> per placemark, in feature order; article text inside it is escaped,
  // so the tag cannot occur in text.
  const parts = kml.split('<ExtendedData>');
  if (parts.length !== features.length + 1) throw new Error(`KML: expected ${features.length} placemarks, found ${parts.length - 1}`);
  const body = parts.reduce((out, part, i) => (i === 0 ? part : `${out}${extras[i - 1]}<ExtendedData>${part}`), '');
  return body.replace('<Document>', `<Document>\n${[...styles.values()].join('\n')}`);
}
