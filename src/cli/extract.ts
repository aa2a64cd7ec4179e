/**
 * `atlas extract FILE... [-o OUT] [--format geojson|csv|kml]`: incidents and supply routes from articles.
 * Every file that can be read is processed; a file that cannot (missing, empty, binary, not UTF-8) is reported
 * on stderr and makes the exit status non-zero, without losing the others.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { extract, type ArticleInput } from '../lib/events';
import { stringifyGeoJSON, toCSV, toKML } from '../lib/geojson';
import type { CliIO } from './main';

const USAGE = `usage: atlas extract FILE... [-o OUT] [--format geojson|csv|kml]
  FILE            plain text (.txt), Markdown (.md) or HTML (.html) articles
  -o, --output    write to OUT instead of standard output (format from its extension unless --format)
  --format        geojson (default), csv (ACLED columns; incidents only) or kml
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

export async function run(args: string[], io: CliIO): Promise<number> {
  const files: string[] = [];
  let output: string | null = null;
  let format: Format | null = null;
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
    } else if (a.startsWith('-') && a !== '-') {
      return usage(io, `unknown option ${a}`);
    } else files.push(a);
  }
  if (!files.length) return usage(io, 'no input files');
  format ??= output && /\.csv$/i.test(output) ? 'csv' : output && /\.kml$/i.test(output) ? 'kml' : 'geojson';

  let failed = 0;
  const inputs: ArticleInput[] = [];
  const ids = new Set<string>();
  for (const path of files) {
    try {
      if (statSync(path).isDirectory()) throw new Error('is a directory');
      const input = decodeArticle(path, readFileSync(path));
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
