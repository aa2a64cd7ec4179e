/** The speed benchmarks' naive baseline, on its own so that a command built from it loads nothing else. */
import { normalizeName, type Gazetteer, type Place } from '../../src/lib/gazetteer';

/** The naive baseline: capitalised words and pairs, most populous candidate (each one found passed to `onFound`). */
export function naiveGeoparse(text: string, g: Gazetteer, onFound?: (name: string, place: Place) => void): number {
  const words = text.match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? [];
  let found = 0;
  for (let i = 0; i < words.length; i++) {
    for (const key of [words[i], i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : null]) {
      if (!key) continue;
      const c = g.lookupNormalized(normalizeName(key));
      if (c.length) {
        let best = c[0];
        for (const x of c) if (x.place.population > best.place.population) best = x;
        found++;
        onFound?.(key, best.place);
      }
    }
  }
  return found;
}
