/**
 * `atlas extract FILE... [-o OUT] [--format geojson|csv|kml] [--date YYYY-MM-DD]`: incidents and supply routes
 * from articles. Every file that can be read is processed; a file that cannot (missing, empty, binary, not UTF-8,
 * an impossible date) is reported on stderr and makes the exit status non-zero, without losing the others.
 *
 * An article's date, against which "yesterday" or "on Monday" is resolved, is taken from (first found): a JSON
 * sidecar beside the file (`report.json` or `report.txt.json` holding `{"date": "YYYY-MM-DD", "title": …}`),
 * `--date`, the file's own metadata (front matter `date:`, an HTML meta tag), or its dateline. With none, relative
 * dates stay unresolved.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { extract, type ArticleInput } from '../lib/events';
import { parseDateField } from '../lib/events/dates';
import { stringifyGeoJSON, toCSV, toKML } from '../lib/geojson';
import type { CliIO } from './main';

const USAGE = `usage: atlas extract FILE... [-o OUT] [--format geojson|csv|kml] [--date YYYY-MM-DD]
  FILE            plain text (.txt), Markdown (.md) or HTML (.html) articles; - reads standard input
  -o, --output    write to OUT instead of standard output (format from its extension unless --format);
                  never one of the inputs
  --format        geojson (default), csv (ACLED columns; incidents only) or kml
  --date          the articles' publication date, for "yesterday", "on Monday" (a JSON sidecar
                  FILE.json with {"date": "YYYY-MM-DD"} gives one file its own date; front matter
                  "date:" and HTML meta tags are read too)
`;

type Format = 'geojson' | 'csv' | 'kml';

/** Decode a file's bytes as an article, or say why it is not one. */
export function decodeArticle(path: string, bytes: Uint8Array): ArticleInput {
  if (bytes.length === 0) throw new Error('empty file');
  const sample = bytes.subarray(0, 65536);
  if (sample.includes(0)) throw new Error('binary file (NUL bytes), not a text, Markdown or HTML article');
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('invalid UTF-8: re-encode the file as UTF-8');
  }
  if (content.trim().length === 0) throw new Error('no text (only whitespace)');
  const ext = extname(path).toLowerCase();
  const format = ext === '.html' || ext === '.htm' ? 'html' : ext === '.md' || ext === '.markdown' ? 'markdown' : ext === '.txt' ? 'text' : undefined;
  return { id: basename(path).replace(/\.[^.]+$/, ''), content, format };
}

/** All of a stream's bytes (standard input as an article: `atlas extract -`). */
async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The sidecar of an article file: `report.json` or `report.txt.json` beside `report.txt`. */
export function sidecarOf(path: string): string | null {
  for (const candidate of [path.replace(/\.[^./\\]+$/, '') + '.json', `${path}.json`]) {
    if (candidate !== path && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Date and title from a JSON sidecar; a sidecar that is no JSON object or holds an impossible date is an error. */
export function readSidecar(path: string): { date?: string; title?: string } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`sidecar ${basename(path)}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`sidecar ${basename(path)}: expected a JSON object`);
  const out: { date?: string; title?: string } = {};
  const { date, title } = data as Record<string, unknown>;
  if (date !== undefined && date !== null && date !== '') {
    const parsed = typeof date === 'string' ? parseDateField(date) : null;
    if (!parsed) throw new Error(`sidecar ${basename(path)}: invalid date ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
    out.date = parsed;
  }
  if (typeof title === 'string' && title.trim()) out.title = title.trim();
  return out;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const files: string[] = [];
  let output: string | null = null;
  let format: Format | null = null;
  let date: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') {
      io.stdout.write(USAGE);
      return 0;
    } else if (a === '-o' || a === '--output') {
      output = args[++i] ?? null;
      if (!output) return usage(io, `${a} needs a file name`);
    } else if (a === '--format' || a.startsWith('--format=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (value !== 'geojson' && value !== 'csv' && value !== 'kml') return usage(io, `unknown format '${value ?? ''}'`);
      format = value;
    } else if (a === '--date' || a.startsWith('--date=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      date = value ? parseDateField(value) : null;
      if (!date) return usage(io, `--date: '${value ?? ''}' is not a calendar date (expected YYYY-MM-DD)`);
    } else if (a.startsWith('-') && a !== '-') {
      return usage(io, `unknown option ${a}`);
    } else files.push(a);
  }
  if (!files.length) return usage(io, 'no input files');
  if (output && files.some((f) => f !== '-' && resolve(f) === resolve(output!))) return usage(io, `-o ${output} is one of the inputs: it would be overwritten`);
  if (files.filter((f) => f === '-').length > 1) return usage(io, "'-' (standard input) given more than once");
  format ??= output && /\.csv$/i.test(output) ? 'csv' : output && /\.kml$/i.test(output) ? 'kml' : 'geojson';

  let failed = 0;
  const inputs: ArticleInput[] = [];
  const ids = new Set<string>();
  for (const path of files) {
    try {
      let input: ArticleInput;
      if (path === '-') input = { ...decodeArticle('stdin', await readAll(io.stdin)), id: 'stdin' };
      else {
        if (statSync(path).isDirectory()) throw new Error('is a directory');
        input = decodeArticle(path, readFileSync(path));
      }
      const sidecar = path === '-' ? null : sidecarOf(path);
      const meta = sidecar ? readSidecar(sidecar) : {};
      const given = meta.date ?? date;
      if (given) input.date = given;
      if (meta.title) input.title = meta.title;
      // Two files with the same name in different folders stay two articles.
      let id = input.id;
      for (let n = 2; ids.has(id); n++) id = `${input.id}-${n}`;
      ids.add(id);
      inputs.push({ ...input, id });
    } catch (err) {
      failed++;
      const e = err as NodeJS.ErrnoException;
      const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message;
      io.stderr.write(`atlas extract: ${path}: ${why}\n`);
    }
  }
  const result = extract(inputs);
  for (const e of result.errors) {
    failed++;
    io.stderr.write(`atlas extract: ${e.article}: ${e.message}\n`);
  }
  const body = format === 'csv' ? toCSV(result.features) : format === 'kml' ? toKML(result.features) : stringifyGeoJSON(result.features);
  if (output) writeFileSync(output, body);
  else io.stdout.write(body);
  const incidents = result.features.filter((f) => f.properties.kind === 'incident').length;
  io.stderr.write(`atlas extract: ${incidents} incidents, ${result.features.length - incidents} routes from ${result.articles.length} of ${files.length} files${output ? ` → ${output}` : ''}\n`);
  return failed ? 1 : 0;
}

function usage(io: CliIO, problem: string): number {
  io.stderr.write(`atlas extract: ${problem}\n${USAGE}`);
  return 2;
}
