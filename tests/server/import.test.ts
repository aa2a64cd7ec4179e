/** `atlas import`: articles into the server's SQLite database, which the API then serves. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { progressLine, run } from '../../src/cli/import';

const dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
const db = join(dir, 'atlas.sqlite');
process.env.ATLAS_DB = db;
process.env.ATLAS_SEEDS = join(dir, 'no-seeds');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  return { io: { stdin: new PassThrough(), stdout: out, stderr: err }, text: () => ({ stdout, stderr }) };
}

const corpus = join(dir, 'corpus');
mkdirSync(join(corpus, 'iraq'), { recursive: true });
mkdirSync(join(corpus, 'more'), { recursive: true });
writeFileSync(join(corpus, 'kirkuk.txt'), 'A roadside bomb killed three Iraqi soldiers and wounded five in Kirkuk on March 3, 2008, police said.\n');
writeFileSync(join(corpus, 'iraq', 'basra.md'), '# Raid in Basra\n\nIraqi forces killed 12 militiamen during a raid in Basra on March 25, 2008, officials said.\n');
writeFileSync(join(corpus, 'more', 'kirkuk.txt'), 'Gunmen killed two policemen in Mosul on April 2, 2008.\n');
writeFileSync(join(corpus, 'iraq', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
writeFileSync(join(corpus, 'notes.pdf'), 'not an article type: skipped inside folders');

type Handler = (e: unknown) => Promise<Response>;
const api = async () => ({
  articles: (await import('../../src/routes/api/articles/+server')) as unknown as { GET: Handler },
  features: (await import('../../src/routes/api/features/+server')) as unknown as { GET: Handler }
});
const placesServed = async () => {
  const fc = await (await (await api()).features.GET({ request: new Request('http://127.0.0.1/') })).json();
  return fc.features.map((f: { properties: { place_name?: string } }) => f.properties.place_name);
};

describe('atlas import', () => {
  it('a server already running on the database starts empty', async () => {
    expect(await placesServed()).toEqual([]);
  });

  it('stores every readable article, reports the others, shows progress and a summary', async () => {
    const t = io();
    expect(await run([corpus, '--db', db], t.io)).toBe(1);
    const { stderr } = t.text();
    expect(stderr).toMatch(/photo\.txt: .*binary/);
    expect(stderr).toMatch(/\[#+\] 4\/4 100% [\d.]+ articles\/s ETA 0:00/);
    expect(stderr).toMatch(/3 stored, 0 already there, 1 not imported, of 4 files/);
    expect(stderr).toMatch(/maps \d+ incidents/);
    expect(stderr).not.toMatch(/notes\.pdf/);
  });

  it('the running server serves what was imported, without a restart', async () => {
    const list = (await (await (await api()).articles.GET({})).json()) as Array<{ id: string }>;
    expect(list.map((a) => a.id).sort()).toEqual(['basra', 'kirkuk', 'kirkuk-2']);
    const places = await placesServed();
    // GeoNames spells the city Basrah.
    for (const p of ['Kirkuk', 'Basrah', 'Mosul']) expect(places).toContain(p);
  });

  it('importing again stores nothing twice', async () => {
    const t = io();
    expect(await run([join(corpus, 'kirkuk.txt'), join(corpus, 'iraq', 'basra.md'), '--db', db], t.io)).toBe(0);
    expect(t.text().stderr).toMatch(/0 stored, 2 already there, 0 not imported/);
  });

  it('says what is wrong with its arguments', async () => {
    const t = io();
    expect(await run([], t.io)).toBe(2);
    expect(t.text().stderr).toMatch(/usage: atlas import/);
    const u = io();
    expect(await run([join(dir, 'missing'), '--db', db], u.io)).toBe(1);
    expect(u.text().stderr).toMatch(/missing: no such file or directory/);
  });

  it('progress: count, share, rate and time left', () => {
    expect(progressLine(25, 100, 5000, 4)).toBe('[#...] 25/100 25% 5.0 articles/s ETA 0:15');
    expect(progressLine(0, 100, 0, 4)).toBe('[....] 0/100 0% 0.0 articles/s ETA --:--');
    expect(progressLine(100, 7200, 1000, 4)).toBe('[....] 100/7200 1% 100.0 articles/s ETA 1:11');
  });
});
