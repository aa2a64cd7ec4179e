import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { areaKm2, cutAtAntimeridian, cutPolygon, labelAnchor, unwrapRing } from './geometry';

const maxStep = (ring: Position[]) => Math.max(...ring.slice(1).map((p, i) => Math.abs(p[0] - ring[i][0])));

describe('antimeridian cut', () => {
  // An island from 178°E to 178°W, stored the way Natural Earth's topology stores it: longitudes wrap.
  const island: Position[][] = [[[178, -16], [-178, -16], [-178, -18], [178, -18], [178, -16]]];

  it('makes a wrapped ring continuous', () => {
    expect(maxStep(unwrapRing(island[0]))).toBeLessThanOrEqual(4);
  });

  it('splits a polygon across ±180° into one part on each side, with no edge longer than the polygon', () => {
    const parts = cutPolygon(island);
    expect(parts).toHaveLength(2);
    for (const [outer] of parts) {
      expect(maxStep(outer)).toBeLessThanOrEqual(2);
      for (const [x] of outer) expect(Math.abs(x)).toBeLessThanOrEqual(180);
    }
    const xs = parts.map(([outer]) => outer.reduce((s, p) => s + p[0], 0) / outer.length).sort((a, b) => a - b);
    expect(xs[0]).toBeLessThan(-178);
    expect(xs[1]).toBeGreaterThan(178);
    // Nothing lost: the two halves hold the whole island.
    const whole = areaKm2({ type: 'Polygon', coordinates: [[[178, -16], [182, -16], [182, -18], [178, -18], [178, -16]]] });
    const sum = parts.reduce((s, p) => s + areaKm2({ type: 'Polygon', coordinates: p }), 0);
    expect(sum).toBeCloseTo(whole, 0);
  });

  it('leaves a polygon that does not cross the antimeridian as it is', () => {
    const square: Polygon = { type: 'Polygon', coordinates: [[[40, 30], [45, 30], [45, 35], [40, 35], [40, 30]]] };
    expect(cutAtAntimeridian(square)).toEqual(square);
  });

  it('closes a ring that circles the south pole along the pole', () => {
    const ring: Position[] = [];
    for (let x = -180; x <= 180; x += 30) ring.push([x === 180 ? -180 : x, -70]);
    const parts = cutPolygon([ring]);
    expect(parts.length).toBeGreaterThan(0);
    for (const [outer] of parts) {
      // Only the edge along the pole itself may run the width of the map.
      const long = outer.slice(1).filter((p, i) => Math.abs(p[0] - outer[i][0]) > 180);
      for (const p of long) expect(p[1]).toBe(-90);
      expect(Math.min(...outer.map((p) => p[1]))).toBe(-90);
    }
  });
});

describe('label anchor', () => {
  it('lies inside a crescent, where the centroid does not', () => {
    // A C-shape open to the east: its centroid falls in the gap.
    const c: Polygon = {
      type: 'Polygon',
      coordinates: [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]]
    };
    const [x, y] = labelAnchor(c);
    const inBar = x >= 0 && x <= 2 && y >= 0 && y <= 10;
    const inArms = x >= 0 && x <= 10 && ((y >= 0 && y <= 2) || (y >= 8 && y <= 10));
    expect(inBar || inArms).toBe(true);
  });

  it('picks the largest part of a country on the ground', () => {
    const big: Position[][] = [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]];
    const small: Position[][] = [[[50, 70], [53, 70], [53, 72], [50, 72], [50, 70]]];
    const [x] = labelAnchor({ type: 'MultiPolygon', coordinates: [small, big] });
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(10);
  });
});
