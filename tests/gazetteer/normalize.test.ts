import { describe, expect, it } from 'vitest';
import { normalizeName, skeletonKey } from '../../src/lib/gazetteer/index';

describe('normalizeName', () => {
  it.each([
    ['Mazār-e Sharīf', 'mazar e sharif'],
    ['Mazar-i-Sharif', 'mazar i sharif'],
    ["Nu'maniyah", 'numaniyah'],
    ['An Nu‘mānīyah', 'an numaniyah'],
    ['Al ‘Amārah', 'al amarah'],
    ['Kut al `Amarah', 'kut al amarah'],
    ['U.S.', 'u s'],
    ['  Sadr   City ', 'sadr city'],
    ['St._Louis', 'st louis'],
    ['Łódź', 'lodz'],
    ['Ţāleqān', 'taleqan'],
    ['sadr city', 'sadr city'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('folds Persian and Arabic letter variants to one spelling', () => {
    // Persian yeh/kaf vs Arabic yeh/kaf; hamza and harakat dropped.
    expect(normalizeName('کابل')).toBe(normalizeName('كابل'));
    expect(normalizeName('ایران')).toBe(normalizeName('إيران'));
  });

  it('is idempotent', () => {
    for (const s of ['Mazār-e Sharīf', "Al-Nu'maniyah", 'Ghōr', 'بغداد']) {
      expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
    }
  });
});

describe('skeletonKey', () => {
  it.each([
    ['Musayyib', 'Musiyyib'],
    ['Musayyib', 'Musaiyib'],
    ['Musayyib', 'Al-Musayyib'],
    ['Numaniyah', "Nu'maniyah"],
    ['Numaniyah', 'Al Numaniya'],
    ['Basra', 'Basrah'],
    ['Mazar-e Sharif', 'Mazar-i-Sharif'],
    ['Qandahar', 'Kandahar'],
  ])('%s ~ %s', (a, b) => {
    expect(skeletonKey(a)).toBe(skeletonKey(b));
  });

  it('keeps different names apart', () => {
    expect(skeletonKey('Basra')).not.toBe(skeletonKey('Mosul'));
    expect(skeletonKey('Kabul')).not.toBe(skeletonKey('Kandahar'));
  });
});
