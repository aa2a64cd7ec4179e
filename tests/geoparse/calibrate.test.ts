import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';
import { calibratedConfidence, CALIBRATION_FEATURES } from '../../src/lib/geoparse/calibrate';
import { fitLogistic, reliability } from '../bench/calibration';
import type { Place } from '../../src/lib/gazetteer/types';

const place = (kind: Place['kind'], population = 100_000): Place => ({
  id: '1', name: 'X', lat: 0, lon: 0, kind, featureCode: 'PPL', country: 'IQ', admin1: null, admin1Code: null, admin2: null, population
});

describe('confidence calibration', () => {
  it('gives an unresolved toponym no confidence', () => {
    expect(calibratedConfidence({ place: null, confidence: 0.9, alternatives: [] })).toBe(0);
  });

  it('rises with the resolver share and the margin over the runner-up, all else equal', () => {
    const low = calibratedConfidence({ place: place('city'), confidence: 0.4, alternatives: [{ score: 0.35 }] });
    const high = calibratedConfidence({ place: place('city'), confidence: 0.95, alternatives: [{ score: 0.03 }] });
    expect(high).toBeGreaterThan(low);
    for (const c of [low, high]) expect(c).toBeGreaterThan(0), expect(c).toBeLessThan(1);
  });

  it('is what geoparse reports, and the raw share stays available', () => {
    const gazetteer = loadGazetteer();
    const text = 'Gunmen attacked a checkpoint in Baquba, the capital of Diyala province, on Monday.';
    const calibrated = geoparse(text, { gazetteer });
    const raw = geoparse(text, { gazetteer, rawConfidence: true });
    expect(calibrated.length).toBe(raw.length);
    calibrated.forEach((t, i) => expect(t.confidence).toBe(calibratedConfidence(raw[i])));
  });

  it('fits a logistic model that recovers a known relation, and measures reliability by decile', () => {
    // y = 1 exactly when the single feature is positive: the fitted weight must be clearly positive.
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = -50; i <= 50; i++) { xs.push([1, i / 10]); ys.push(i > 0 ? 1 : 0); }
    const w = fitLogistic(xs, ys, 0.1);
    expect(w[1]).toBeGreaterThan(2);
    const r = reliability([0.05, 0.95, 0.95, 0.95], [0, 1, 1, 0]);
    expect(r.bins[9].n).toBe(3);
    expect(r.bins[9].accuracy).toBeCloseTo(2 / 3);
    expect(r.ece).toBeGreaterThan(0);
    expect(CALIBRATION_FEATURES[0]).toBe('bias');
  });
});
