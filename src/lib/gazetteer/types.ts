/** One gazetteer entry: a country, a first- or second-level division, a populated place, or a region (continent, multi-country or multi-division area). */
export interface Place {
  /** Stable id: the GeoNames id where there is one (e.g. "99039"), else a prefixed derived id ("ne:IQ-BB", "cj:IQ:sadr-city"). */
  id: string;
  /** Preferred (English/Latin) name. */
  name: string;
  lat: number;
  lon: number;
  /** Coarse kind, used by the resolver and the UI. */
  kind: PlaceKind;
  /** GeoNames feature code: PCLI, ADM1, ADM2, PPLC, PPLA, PPLA2, PPL, PPLX …; CONT (continent) and RGN (region) for regions. */
  featureCode: string;
  /** ISO 3166-1 alpha-2 country code, upper case; '' for a region spanning several countries. */
  country: string;
  /** Name of the first-level division (province, state, governorate), when known. */
  admin1: string | null;
  /** GeoNames admin-1 code within the country ("07" for Baghdad), when known. */
  admin1Code: string | null;
  /** Name of the second-level division (district, county), when known. */
  admin2: string | null;
  population: number;
}

/** 'region': a continent ("Africa"), a multi-country region ("Middle East", "European Union") or a union of first-level divisions ("Darfur"); ids `ct:` and `rg:`. */
export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'city' | 'neighbourhood' | 'region';

/** A gazetteer hit for a name, with how the name matched. */
export interface Candidate {
  place: Place;
  /** 'exact': the normalised text equals a name or alternate name; 'skeleton': only the consonant skeleton matches (transliteration variant). */
  match: 'exact' | 'skeleton';
  /** True when the matched name is the place's preferred or ASCII name (not just an alternate). */
  primary: boolean;
}
