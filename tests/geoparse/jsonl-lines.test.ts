/** `atlas geoparse --jsonl`: a line that is JSON but not an object is reported with its number; the stream goes on. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const atlas = (args: string[], input: string) =>
  spawnSync(process.execPath, [join(root, 'src/cli/atlas.js'), ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });

describe('atlas geoparse --jsonl, line by line', () => {
  it('reports null, numbers, strings, arrays and broken lines, and reads every good line', () => {
    const input = ['null', '{"id":"a","text":"Shelling in Kharkiv."}', '42', '"text"', '[1,2]', '{"id":', 'true', '{"id":"b","text":"A raid in Basra."}'].join('\n') + '\n';
    for (const flags of [['--jsonl'], ['--jsonl', '--gold-spans']]) {
      const r = atlas(['geoparse', ...flags], input);
      expect(r.status).toBe(1);
      const out = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
      expect(out.filter((d) => d.error).map((d) => d.line)).toEqual([1, 3, 4, 5, 6, 7]);
      expect(out.filter((d) => !d.error).map((d) => d.id)).toEqual(['a', 'b']);
      for (const n of [1, 3, 4, 5, 7]) expect(r.stderr).toMatch(new RegExp(`stdin line ${n}: expected a JSON object`));
      expect(r.stderr).toMatch(/stdin line 6: not JSON/);
    }
    const r = atlas(['geoparse', '--jsonl'], input);
    const good = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((d) => !d.error);
    expect(good[0].toponyms.map((t: { name: string }) => t.name)).toEqual(['Kharkiv']);
    expect(good[1].toponyms.map((t: { name: string }) => t.name)).toEqual(['Basra']);
  });

  it('--gold-spans: invalid spans are reported with the line, the valid ones resolved, exit non-zero', () => {
    const text = 'Karbala lies south of Baghdad.';
    const docs = [
      { id: 'g', text, toponyms: [{ start: 22, end: 29 }, { start: 5, end: 2 }, { start: 0, end: 999 }, null, { start: 1.5, end: 3 }] },
      { id: 'h', text, toponyms: 'Karbala' },
      { id: 'ok', text, toponyms: [{ start: 0, end: 7 }] }
    ];
    const r = atlas(['geoparse', '--jsonl', '--gold-spans'], docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    expect(r.status).toBe(1);
    for (const k of [1, 2, 3, 4]) expect(r.stderr).toMatch(new RegExp(`stdin line 1: toponyms\\[${k}\\] .* is not a span of the text`));
    expect(r.stderr).not.toMatch(/toponyms\[0\]/);
    expect(r.stderr).toMatch(/stdin line 2: "toponyms" must be an array/);
    const out = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(out.map((d) => d.toponyms.map((t: { name: string }) => t.name))).toEqual([['Baghdad'], [], ['Karbala']]);
  });
});
