import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/events';
import { canonicalActor, findActors } from '../../src/lib/events/actors';
import type { IncidentProperties } from '../../src/lib/geojson/types';

function incidents(body: string): IncidentProperties[] {
  const r = extract([{ id: 'a', content: `Test article\n\n${body}\n`, date: '2021-03-10', format: 'text' }]);
  return r.features.filter((f) => f.properties.kind === 'incident').map((f) => f.properties as IncidentProperties);
}

describe('actors', () => {
  it('gives one spelling per group', () => {
    const quds = 'Islamic Revolutionary Guard Corps - Quds Force';
    expect(canonicalActor('Qods Force')).toBe(quds);
    expect(canonicalActor('Quds Force')).toBe(quds);
    expect(canonicalActor('IRGC-QF')).toBe(quds);
    expect(canonicalActor('Hizballah')).toBe('Hezbollah');
    expect(canonicalActor('ISIL')).toBe('Islamic State');
    expect(canonicalActor('Some Unknown Brigade')).toBe('Some Unknown Brigade');
  });

  it('names a state’s forces by its country, as ACLED does', () => {
    expect(canonicalActor('Russian forces')).toBe('Military Forces of Russia');
    expect(canonicalActor('Russian troops')).toBe('Military Forces of Russia');
    expect(canonicalActor('Pakistani police')).toBe('Police Forces of Pakistan');
  });

  it('keeps the variants of one group as aliases of one actor', () => {
    const [p] = incidents('On Monday, Qods Force officers and IRGC-QF advisers attacked a Kurdish outpost in Sulaymaniyah, killing two Peshmerga fighters.');
    const quds = 'Islamic Revolutionary Guard Corps - Quds Force';
    expect(p.actors).toEqual([quds, 'Peshmerga']);
    expect(p.actor1).toBe(quds);
    expect(p.actor2).toBe('Peshmerga');
    expect(p.actor_aliases?.[quds]).toEqual(['IRGC-QF', 'Qods Force']);
  });

  it('does not take a press office or a hospital for a party to the event', () => {
    const names = findActors('Coalition forces said Taliban fighters attacked the Kandahar Regional Hospital.').map((a) => a.name);
    expect(names).toContain('Taliban');
    expect(names).not.toContain('Coalition forces');
    expect(names.some((n) => /Hospital/.test(n))).toBe(false);
    // An armed group that says it attacked is the attacker.
    expect(findActors('The Taliban said they attacked a checkpoint.').map((a) => a.name)).toEqual(['Taliban']);
  });
});
