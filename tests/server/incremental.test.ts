/**
 * Adding articles one at a time gives the map that reading them all at once gives: each new article's incidents
 * are merged with the stored ones found through the index on date and place, by the pipeline's own rule.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../../src/lib/events';
import type { AtlasFeature } from '../../src/lib/geojson/types';
import { openDb, featureCollectionJson, SqliteStore } from '../../src/lib/server/db';
import { InlineWriter, Store } from '../../src/lib/server/store';

const dir = mkdtempSync(join(tmpdir(), 'atlas-incremental-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLES = [
  { id: 'a', content: 'A roadside bomb killed three Iraqi soldiers in Kirkuk on March 3, 2008, police said.', format: 'text' as const },
  {
    id: 'b',
    content: 'Three soldiers died when a roadside bomb exploded near their patrol in Kirkuk on March 3, 2008, an official said. Gunmen killed two policemen in Mosul on April 2, 2008.',
    format: 'text' as const
  },
  {
    id: 'c',
    content: 'Iraqi forces killed 12 militiamen during a raid in Basra on March 25, 2008, officials said. Weapons were smuggled from Iran into Basra, officials said.',
    format: 'text' as const
  },
  { id: 'd', content: 'Rockets were smuggled from Iran into Basra, a spokesman said on March 28, 2008.', format: 'text' as const }
];

function storeAt(name: string): Store {
  const db = openDb(join(dir, name));
  return new Store(db, new InlineWriter(db));
}

const features = (s: Store) => (JSON.parse(featureCollectionJson(s.db)).features as AtlasFeature[]).sort((x, y) => x.properties.id.localeCompare(y.properties.id));
const summary = (fs: AtlasFeature[]) => fs.map((f) => `${f.properties.title} ${f.properties.date} ${f.properties.sources.map((s) => s.article).join('+')}`).sort();

describe('incremental merging', () => {
  it('articles added one by one give the features of one extraction over all of them', async () => {
    const store = storeAt('one-by-one.sqlite');
    for (const a of ARTICLES) await store.addArticle(a);
    const whole = extract(ARTICLES).features.sort((x, y) => x.properties.id.localeCompare(y.properties.id));
    expect(summary(features(store))).toEqual(summary(whole));
    // The Kirkuk bombing told by two articles is one incident with both as sources.
    const kirkuk = features(store).filter((f) => f.properties.title.includes('Kirkuk'));
    expect(kirkuk).toHaveLength(1);
    expect(kirkuk[0].properties.sources.map((s) => s.article)).toEqual(['a', 'b']);
    expect(features(store)).toEqual(whole);
  });

  it('re-deriving the store gives what the adds gave', async () => {
    const store = storeAt('rebuilt.sqlite');
    for (const a of ARTICLES) await store.addArticle(a);
    const added = features(store);
    await store.reextract();
    expect(features(store)).toEqual(added);
    expect(store.lastErrors).toEqual([]);
  });

  it('an article on another place and time leaves every stored incident as it was', async () => {
    const store = storeAt('untouched.sqlite');
    for (const a of ARTICLES) await store.addArticle(a);
    const before = features(store);
    await store.addArticle({ id: 'e', content: 'A suicide bomber killed nine people at a market in Kandahar on June 2, 2009, officials said.', format: 'text' });
    const after = features(store);
    expect(after.filter((f) => before.some((b) => b.properties.id === f.properties.id))).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('finds the incidents a new one may merge with through the index, not by reading them all', () => {
    const store = new SqliteStore(openDb(join(dir, 'plan.sqlite')));
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT feature_id, seq, record FROM incidents
         WHERE country = 'IQ' AND long = 0 AND date_from BETWEEN '2008-02-01' AND '2008-03-03' AND date_to >= '2008-03-03'`
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX incidents_country_date/);
    store.close();
  });
});
