/**
 * `atlas geoparse FILE...` prints one JSON line per file: {"id": FILE, "toponyms": [...]}.
 * `atlas geoparse --jsonl [--gold-spans] < in.jsonl` reads {"id","text"[,"toponyms":[{start,end}]]} lines.
 * Output toponyms: {start,end,name,lat,lon,id,featureClass,featureCode,country,admin1,admin2,confidence,alternatives,
 * unresolved,container}; offsets are JavaScript string indices and text.slice(start, end) === name. An unresolved
 * toponym has lat/lon null, the reason in "unresolved" and, when the text names one, its container
 * ({id,name,lat,lon,featureCode,country,admin1,precision}: precision 2 a district or part of a region, 3 a province or larger).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadGazetteer } from '../lib/gazetteer';
import type { Place } from '../lib/gazetteer/types';
import { geoparse } from '../lib/geoparse';
import { decodeText, InputError } from '../lib/geoparse/input';
import type { Toponym } from '../lib/geoparse/types';
import type { CliIO } from './main';

const USAGE = `usage: atlas geoparse FILE...                 one JSON line per file
       atlas geoparse --jsonl [--gold-spans] < in.jsonl > out.jsonl
options:
  --jsonl        read {"id","text"} lines from standard input
  --gold-spans   resolve exactly the spans given in each line's "toponyms":[{"start","end"}]
  --demonyms     also report demonyms ("Iraqi") as mentions of their country
`;

/** GeoNames feature class from the feature code: A administrative, P populated place. */
function featureClass(p: Place): string {
  return p.kind === 'city' || p.kind === 'neighbourhood' ? 'P' : 'A';
}

export function toponymJson(t: Toponym) {
  const p = t.place;
  return {
    start: t.start,
    end: t.end,
    name: t.text,
    lat: p ? p.lat : null,
    lon: p ? p.lon : null,
    id: p ? p.id : null,
    placeName: p ? p.name : null,
    featureClass: p ? featureClass(p) : null,
    featureCode: p ? p.featureCode : null,
    country: p ? p.country : null,
    admin1: p ? p.admin1 : null,
    admin2: p ? p.admin2 : null,
    confidence: t.confidence,
    unresolved: p ? null : (t.unresolved ?? 'unresolved'),
    container: t.container
      ? { id: t.container.place.id, name: t.container.place.name, lat: t.container.place.lat, lon: t.container.place.lon, featureCode: t.container.place.featureCode, country: t.container.place.country, admin1: t.container.place.admin1, precision: t.container.precision }
      : null,
    alternatives: t.alternatives.map((a) => ({ id: a.place.id, name: a.place.name, lat: a.place.lat, lon: a.place.lon, featureCode: a.place.featureCode, country: a.place.country, admin1: a.place.admin1, score: a.score }))
  };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  for (const f of flags) {
    if (!['--jsonl', '--gold-spans', '--demonyms', '--help'].includes(f)) {
      io.stderr.write(`atlas geoparse: unknown option ${f}\n${USAGE}`);
      return 2;
    }
  }
  if (flags.has('--help')) { io.stdout.write(USAGE); return 0; }
  const jsonl = flags.has('--jsonl');
  if (!jsonl && files.length === 0) { io.stderr.write(USAGE); return 2; }
  if (flags.has('--gold-spans') && !jsonl) { io.stderr.write('atlas geoparse: --gold-spans needs --jsonl input\n'); return 2; }

  const gazetteer = loadGazetteer();
  const demonyms = flags.has('--demonyms');
  let failures = 0;
  const emit = (obj: unknown) => io.stdout.write(JSON.stringify(obj) + '\n');

  if (!jsonl) {
    for (const file of files) {
      try {
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(file);
        } catch (err) {
          throw new InputError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
        }
        const text = decodeText(bytes, file);
        if (!text.trim()) io.stderr.write(`atlas geoparse: ${file}: empty file, no toponyms\n`);
        emit({ id: file, toponyms: geoparse(text, { gazetteer, demonyms }).map(toponymJson) });
      } catch (err) {
        failures++;
        io.stderr.write(`atlas geoparse: ${(err as Error).message}\n`);
        emit({ id: file, toponyms: [], error: (err as Error).message });
      }
    }
    return failures ? 1 : 0;
  }

  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  // A bad line is reported (stderr, and an error line in the output with its number) and the stream goes on.
  const bad = (id: unknown, message: string) => {
    failures++;
    io.stderr.write(`atlas geoparse: stdin line ${lineNo}: ${message}\n`);
    emit({ id: id ?? `line-${lineNo}`, line: lineNo, toponyms: [], error: message });
  };
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let doc: { id?: unknown; text?: unknown; toponyms?: Array<{ start: number; end: number }> };
    try {
      doc = JSON.parse(line);
    } catch (err) {
      bad(null, `not JSON (${(err as Error).message})`);
      continue;
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      bad(null, `expected a JSON object {"id","text"}, got ${doc === null ? 'null' : Array.isArray(doc) ? 'an array' : typeof doc}`);
      continue;
    }
    const id = doc.id ?? `line-${lineNo}`;
    if (typeof doc.text !== 'string') {
      bad(id, '"text" must be a string');
      continue;
    }
    let spans: Array<{ start: number; end: number }> | undefined;
    if (flags.has('--gold-spans')) {
      // Invalid spans are reported with the line (and the run exits non-zero); the valid ones are resolved.
      const given: unknown[] = Array.isArray(doc.toponyms) ? doc.toponyms : [];
      if (doc.toponyms !== undefined && !Array.isArray(doc.toponyms)) {
        failures++;
        io.stderr.write(`atlas geoparse: stdin line ${lineNo}: "toponyms" must be an array of {"start","end"}\n`);
      }
      const length = doc.text.length;
      spans = [];
      given.forEach((g, k) => {
        const t = g as { start?: unknown; end?: unknown } | null;
        if (t && typeof t === 'object' && Number.isInteger(t.start) && Number.isInteger(t.end) && (t.start as number) >= 0 && (t.end as number) <= length && (t.start as number) < (t.end as number)) {
          spans!.push({ start: t.start as number, end: t.end as number });
        } else {
          failures++;
          io.stderr.write(`atlas geoparse: stdin line ${lineNo}: toponyms[${k}] ${JSON.stringify(g)} is not a span of the text (integers, 0 <= start < end <= ${length})\n`);
        }
      });
    }
    try {
      emit({ id, toponyms: geoparse(doc.text, { gazetteer, spans, demonyms }).map(toponymJson) });
    } catch (err) {
      bad(id, `could not be geoparsed (${(err as Error).message})`);
    }
  }
  return failures ? 1 : 0;
}
