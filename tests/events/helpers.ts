import type { Place } from '../../src/lib/gazetteer/types';
import type { Toponym } from '../../src/lib/geoparse/types';
import type { GeoparseFn } from '../../src/lib/events/types';

/** Hand-made places for unit tests (coordinates rounded from GeoNames). */
export const PLACES: Record<string, Place> = {
  Iraq: { id: 'cc:IQ', name: 'Iraq', lat: 33, lon: 44, kind: 'country', featureCode: 'PCLI', country: 'IQ', admin1: null, admin1Code: null, admin2: null, population: 40e6 },
  Iran: { id: 'cc:IR', name: 'Iran', lat: 32, lon: 53, kind: 'country', featureCode: 'PCLI', country: 'IR', admin1: null, admin1Code: null, admin2: null, population: 80e6 },
  Afghanistan: { id: 'cc:AF', name: 'Afghanistan', lat: 33, lon: 66, kind: 'country', featureCode: 'PCLI', country: 'AF', admin1: null, admin1Code: null, admin2: null, population: 38e6 },
  Baghdad: { id: '98182', name: 'Baghdad', lat: 33.3406, lon: 44.4009, kind: 'city', featureCode: 'PPLC', country: 'IQ', admin1: 'Baghdad', admin1Code: '07', admin2: null, population: 7e6 },
  'Sadr City': { id: 'cj:IQ:sadr-city', name: 'Sadr City', lat: 33.3925, lon: 44.4522, kind: 'neighbourhood', featureCode: 'PPLX', country: 'IQ', admin1: 'Baghdad', admin1Code: '07', admin2: null, population: 1e6 },
  Musayyib: { id: '99039', name: 'Al Musayyib', lat: 32.7786, lon: 44.29, kind: 'city', featureCode: 'PPL', country: 'IQ', admin1: 'Babil', admin1Code: '06', admin2: null, population: 7e4 },
  Karbala: { id: '94824', name: 'Karbala', lat: 32.6160, lon: 44.0249, kind: 'city', featureCode: 'PPLA', country: 'IQ', admin1: 'Karbala', admin1Code: '12', admin2: null, population: 7e5 },
  Tehran: { id: '112931', name: 'Tehran', lat: 35.6944, lon: 51.4215, kind: 'city', featureCode: 'PPLC', country: 'IR', admin1: 'Tehran', admin1Code: '26', admin2: null, population: 8e6 },
  Wasit: { id: 'ne:IQ-WA', name: 'Wasit', lat: 32.6, lon: 45.75, kind: 'admin1', featureCode: 'ADM1', country: 'IQ', admin1: 'Wasit', admin1Code: '16', admin2: null, population: 0 },
  Kut: { id: '99131', name: 'Al Kut', lat: 32.5128, lon: 45.8182, kind: 'city', featureCode: 'PPLA', country: 'IQ', admin1: 'Wasit', admin1Code: '16', admin2: null, population: 3e5 },
  Kazerun: { id: '128321', name: 'Kazerun', lat: 29.6195, lon: 51.6541, kind: 'city', featureCode: 'PPL', country: 'IR', admin1: 'Fars', admin1Code: '07', admin2: null, population: 1e5 }
};

/** Aliases used in test sentences → place key. */
const ALIASES: Record<string, string> = { Qasirin: 'Kazerun', 'Al Kut': 'Kut', Kut: 'Kut' };

/** A stand-in geoparser over PLACES: finds each name (longest first) with exact spans. */
export const fakeGeoparse: GeoparseFn = (text) => {
  const names = [...Object.keys(PLACES), ...Object.keys(ALIASES)].sort((a, b) => b.length - a.length);
  const found: Toponym[] = [];
  for (const name of names) {
    const re = new RegExp(`\\b${name.replace(/ /g, '\\s')}\\b`, 'g');
    for (const m of text.matchAll(re)) {
      if (found.some((f) => m.index! < f.end && f.start < m.index! + name.length)) continue;
      found.push({ start: m.index!, end: m.index! + name.length, text: name, place: PLACES[ALIASES[name] ?? name], confidence: 0.9, alternatives: [] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
};
