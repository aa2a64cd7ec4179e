import { describe, expect, it } from 'vitest';
import { inExtent } from './atlas.svelte';

const pt = (x: number, y: number) => ({ type: 'Point' as const, coordinates: [x, y] });

describe('"in view": the map extent test', () => {
  it('keeps points inside the extent and drops those outside', () => {
    const e: [number, number, number, number] = [38, 29, 49, 38];
    expect(inExtent(pt(44.4, 33.3), e)).toBe(true);
    expect(inExtent(pt(69.2, 34.5), e)).toBe(false);
    expect(inExtent(pt(44.4, 40), e)).toBe(false);
  });

  it('handles an extent across the antimeridian and the map’s world copies', () => {
    // MapLibre reports west 170, east 190 over the date line.
    expect(inExtent(pt(-178, -17), [170, -30, 190, 0])).toBe(true);
    expect(inExtent(pt(178, -17), [170, -30, 190, 0])).toBe(true);
    expect(inExtent(pt(0, -17), [170, -30, 190, 0])).toBe(false);
    // Panned one world copy east: longitudes 400–420 are 40–60.
    expect(inExtent(pt(44, 33), [400, 20, 420, 40])).toBe(true);
    expect(inExtent(pt(0, 0), [-200, -80, 200, 80])).toBe(true);
  });

  it('keeps a route when any vertex is in view', () => {
    const line = { type: 'LineString' as const, coordinates: [[37.6, 55.7], [50, 45], [66, 34]] };
    expect(inExtent(line, [60, 30, 70, 40])).toBe(true);
    expect(inExtent(line, [0, 0, 10, 10])).toBe(false);
  });
});
