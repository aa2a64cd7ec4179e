import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { landmasses, polygonArea, representativePoint, type Polygon } from '../../src/lib/gazetteer/build/geometry';

/** A closed lon/lat rectangle, counter-clockwise. */
const box = (w: number, s: number, e: number, n: number): Polygon => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const km = (a: { lat: number; lon: number }, lon: number, lat: number) => distance([a.lon, a.lat], [lon, lat]);

describe('representative points of areas', () => {
  it('puts a single polygon at its equal-area centroid', () => {
    const p = representativePoint([box(10, -10, 20, 10)])!;
    expect(p.method).toBe('centroid');
    expect(p.lon).toBeCloseTo(15, 6);
    expect(p.lat).toBeCloseTo(0, 6);
  });

  it('takes the largest part, not the middle of scattered islands', () => {
    const p = representativePoint([box(0, 0, 20, 20), box(60, 0, 62, 2)])!;
    expect(km(p, 10, 10)).toBeLessThan(100);
  });

  it('joins land cut at the antimeridian into one landmass', () => {
    const eastPart = box(150, 60, 180, 70);
    const westPart = box(-180, 60, -170, 70);
    expect(landmasses([eastPart, westPart])).toHaveLength(1);
    const p = representativePoint([eastPart, westPart])!;
    // The joined strip runs 150°E–170°W, so its middle is at 170°E, not at the east part's 165°E.
    expect(p.lon).toBeCloseTo(170, 1);
    expect(p.areaKm2 * 1e6).toBeCloseTo(polygonArea(eastPart) + polygonArea(westPart), -3);
  });

  it('lets the joined landmass outweigh a larger single part', () => {
    // Alone, the 170°E–180° part is smaller than the box at 0–12°E; joined with its −180° side it is larger.
    const p = representativePoint([box(170, 0, 180, 10), box(-180, 0, -160, 10), box(0, 0, 12, 10)])!;
    expect(p.method).toBe('centroid');
    expect(p.lon).toBeCloseTo(-175, 1);
  });

  it('does not join parts that only meet the antimeridian at different latitudes', () => {
    expect(landmasses([box(170, 0, 180, 10), box(-180, 20, -170, 30)])).toHaveLength(2);
  });

  it('never joins a polygon with itself or with parts on the same side', () => {
    expect(landmasses([box(170, 0, 180, 10), box(175, 5, 180, 15)])).toHaveLength(2);
  });
});
