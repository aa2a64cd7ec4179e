import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/events';
import type { RouteProperties } from '../../src/lib/geojson/types';

function routes(body: string): RouteProperties[] {
  const r = extract([{ id: 'a', content: `Test article\n\n${body}\n`, date: '2021-03-10', format: 'text' }]);
  return r.features.filter((f) => f.properties.kind === 'route').map((f) => f.properties as RouteProperties);
}

describe('route phrasing', () => {
  it('"departed from X … en route to Y": endpoints at the named towns', () => {
    const [r, ...rest] = routes('A truck carrying weapons departed from Zahedan on Monday and was stopped en route to Herat.');
    expect(rest).toHaveLength(0);
    expect([r.origin_name, r.destination_name]).toEqual(['Zahedan', 'Herāt']);
    expect(r.cargo).toBe('weapons');
  });

  it('"bound for Y … shipped from X"', () => {
    const [r] = routes('Drugs bound for Karachi were shipped from Kandahar on Monday.');
    expect([r.origin_name, r.destination_name, r.cargo]).toEqual(['Kandahār', 'Karachi', 'drugs']);
  });

  it('"smuggled into Y across the border from X"', () => {
    const [r] = routes('Weapons were smuggled into Iraq across the border from Mehran, Iran, on Monday.');
    expect([r.origin_name, r.destination_country]).toEqual(['Mehrān', 'Iraq']);
  });

  it('a verb of going is a route when the cargo goes ("a convoy of arms crossed …"), not when people go for it', () => {
    expect(routes('A convoy of arms crossed from Iran into Iraq on Monday.').map((r) => [r.origin_country, r.destination_country])).toEqual([['Iran', 'Iraq']]);
    expect(routes('The commander went from Iraq to Iran on Monday to buy weapons.')).toHaveLength(0);
  });

  it('an adjective of origin gives no route without a movement verb', () => {
    expect(routes('Iranian-made rockets hit Baghdad on Monday.')).toHaveLength(0);
    expect(routes('Iran-backed militias attacked a base in Anbar on Monday.')).toHaveLength(0);
  });
});
