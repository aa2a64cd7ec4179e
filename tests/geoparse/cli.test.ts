import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const atlas = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, 'src/cli/atlas.js'), ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
const lines = (out: string) => out.split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('atlas geoparse (CLI contract)', () => {
  it('prints one JSON line per file with spans that index the file text', () => {
    const r = atlas(['geoparse', 'seeds/002_0aa0d58509b63d45.txt', 'seeds/004_1883449a268877a5.txt']);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((d) => d.id)).toEqual(['seeds/002_0aa0d58509b63d45.txt', 'seeds/004_1883449a268877a5.txt']);
    const sadr = out[0].toponyms.find((t: { name: string }) => t.name === 'Sadr City');
    expect(sadr).toMatchObject({ country: 'IQ', admin1: 'Baghdad', featureClass: 'P', featureCode: 'PPLX' });
    for (const key of ['start', 'end', 'name', 'lat', 'lon', 'id', 'featureClass', 'country', 'admin1', 'confidence', 'alternatives']) expect(sadr).toHaveProperty(key);
  });

  it('reads and writes JSONL, with text.slice(start, end) === name', () => {
    const docs = [
      { id: 'a', text: 'Weapons were smuggled from Iran into Iraq through Wasit province.' },
      { id: 'b', text: 'Nothing here.' }
    ];
    const r = atlas(['geoparse', '--jsonl'], docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((d) => d.id)).toEqual(['a', 'b']);
    for (const t of out[0].toponyms) expect(docs[0].text.slice(t.start, t.end)).toBe(t.name);
    expect(out[0].toponyms.map((t: { name: string }) => t.name)).toEqual(['Iran', 'Iraq', 'Wasit']);
    expect(out[1].toponyms).toEqual([]);
  });

  it('resolves exactly the gold spans, in order, with --gold-spans', () => {
    const text = 'Karbala lies south of Baghdad.';
    const doc = { id: 'g', text, toponyms: [{ start: 22, end: 29 }, { start: 0, end: 7 }] };
    const r = atlas(['geoparse', '--jsonl', '--gold-spans'], JSON.stringify(doc) + '\n');
    expect(r.status).toBe(0);
    const [out] = lines(r.stdout);
    expect(out.toponyms.map((t: { start: number; end: number; name: string }) => [t.start, t.end, t.name])).toEqual([[22, 29, 'Baghdad'], [0, 7, 'Karbala']]);
    expect(out.toponyms.every((t: { country: string }) => t.country === 'IQ')).toBe(true);
  });

  it('reports unreadable, binary and invalid UTF-8 files clearly, keeps the others, exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Raid in Bagd\xe4d', 'latin1'));
    writeFileSync(join(dir, 'good.txt'), 'Airstrike in Ghor province.');
    const r = atlas(['geoparse', join(dir, 'binary.txt'), join(dir, 'missing.txt'), join(dir, 'latin1.txt'), join(dir, 'good.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/binary\.txt: looks like a binary file/);
    expect(r.stderr).toMatch(/missing\.txt: cannot read \(ENOENT\)/);
    expect(r.stderr).toMatch(/latin1\.txt: not valid UTF-8/);
    const out = lines(r.stdout);
    expect(out).toHaveLength(4);
    expect(out[3].toponyms.map((t: { name: string }) => t.name)).toEqual(['Ghor']);
  });

  it('reports malformed JSONL lines and goes on', () => {
    const r = atlas(['geoparse', '--jsonl'], '{"id":"x","text":"in Basra"}\nnot json\n{"id":"y","text":42}\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 2: not JSON/);
    expect(r.stderr).toMatch(/line 3: "text" must be a string/);
    expect(lines(r.stdout)[0].toponyms[0].name).toBe('Basra');
  });

  it('prints an unresolved toponym with lat/lon null, the reason and its container', () => {
    const r = atlas(['geoparse', '--jsonl'], JSON.stringify({ id: 'u', text: 'Gunmen attacked Boma, in Lac province, on Sunday night.' }) + '\n');
    expect(r.status).toBe(0);
    const boma = lines(r.stdout)[0].toponyms.find((t: { name: string }) => t.name === 'Boma');
    expect(boma).toMatchObject({ lat: null, lon: null, id: null });
    expect(boma.unresolved).toMatch(/Lac/);
    expect(boma.container).toMatchObject({ name: 'Lac', country: 'TD', precision: 3 });
    expect(Number.isFinite(boma.container.lat)).toBe(true);
  });

  it('prints usage and exits 2 without input', () => {
    const r = atlas(['geoparse']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: atlas geoparse/);
  });
});
