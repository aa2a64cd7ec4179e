/**
 * Confidence calibration: turns the resolver's softmax share (a ranking score, not a probability) into the
 * probability that the chosen place lies within 161 km of the true one, so that of toponyms given 0.8 about
 * 80 % are right. A logistic model over named feature groups of the resolved toponym; the coefficients are
 * fitted by `tests/bench/calibration.ts` on one corpus and checked on the others (docs/accuracy.md).
 */
import type { Place } from '../gazetteer/types';
import model from './data/calibration.json' with { type: 'json' };

/** What the calibration reads of a resolved toponym. */
export interface CalibrationInput {
  place: Place | null;
  /** The resolver's softmax share of the chosen candidate. */
  confidence: number;
  alternatives: Array<{ score: number }>;
}

export const CALIBRATION_FEATURES = [
  'bias',
  'share_logit', // the resolver's own share, on the logit scale
  'margin', // share of the chosen minus share of the runner-up
  'alternatives', // how ambiguous the name is (0..5 alternatives kept)
  'kind_country',
  'kind_admin1',
  'kind_admin2',
  'kind_neighbourhood',
  'kind_region',
  'prominence' // log10 population of the chosen place, scaled to about 0..1
] as const;

export type CalibrationModel = { features: readonly string[]; weights: number[] };

const logit = (p: number) => {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};

/** The feature vector, in CALIBRATION_FEATURES order. */
export function calibrationFeatures(t: CalibrationInput): number[] {
  const p = t.place!;
  const share = Number.isFinite(t.confidence) ? t.confidence : 0;
  const runnerUp = t.alternatives[0]?.score ?? 0;
  return [
    1,
    logit(share),
    share - runnerUp,
    t.alternatives.length / 5,
    p.kind === 'country' ? 1 : 0,
    p.kind === 'admin1' ? 1 : 0,
    p.kind === 'admin2' ? 1 : 0,
    p.kind === 'neighbourhood' ? 1 : 0,
    p.kind === 'region' ? 1 : 0,
    Math.log10(p.population + 10) / 7
  ];
}

export function predictWith(m: CalibrationModel, x: number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (m.weights[i] ?? 0) * x[i];
  return 1 / (1 + Math.exp(-z));
}

const shipped = model as CalibrationModel;
if (shipped.features.join() !== CALIBRATION_FEATURES.join()) {
  throw new Error('calibration.json was fitted on other features: rerun tests/bench/calibration.ts --write');
}

/** Calibrated probability (0..1, three decimals) that the toponym's place is within 161 km; 0 when unresolved. */
export function calibratedConfidence(t: CalibrationInput, m: CalibrationModel = shipped): number {
  if (!t.place) return 0;
  return Math.round(predictWith(m, calibrationFeatures(t)) * 1000) / 1000;
}
