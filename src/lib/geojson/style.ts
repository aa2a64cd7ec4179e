import type { EventType } from './types';

/** simplestyle-spec colours: one hue per ACLED event type, one per kind of cargo. */
export const EVENT_COLOURS: Record<EventType, string> = {
  Battles: '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#9467bd',
  Protests: '#2ca02c',
  Riots: '#8c564b',
  'Strategic developments': '#1f77b4'
};

/** Maki icon names, which simplestyle-aware tools draw. */
export const EVENT_SYMBOLS: Record<string, string> = {
  'Air/drone strike': 'airport',
  'Armed clash': 'danger',
  Arrests: 'police',
  'Disrupted weapons use': 'warehouse',
  Attack: 'cross',
  'Abduction/forced disappearance': 'cross',
  'Shelling/artillery/missile attack': 'fire-station',
  'Remote explosive/landmine/IED': 'fire-station',
  'Suicide bomb': 'fire-station',
  Grenade: 'fire-station',
  'Chemical weapon': 'fire-station',
  'Government regains territory': 'flag',
  'Non-state actor overtakes territory': 'flag',
  'Sexual violence': 'cross',
  'Peaceful protest': 'town-hall',
  'Protest with intervention': 'town-hall',
  'Excessive force against protesters': 'town-hall',
  'Violent demonstration': 'fire-station',
  'Mob violence': 'fire-station',
  Agreement: 'town-hall',
  'Change to group/activity': 'information',
  'Headquarters or base established': 'flag',
  'Looting/property destruction': 'shop',
  'Non-violent transfer of territory': 'flag',
  Other: 'information'
};

export const CARGO_COLOURS: Record<string, string> = {
  weapons: '#b2182b',
  EFPs: '#b2182b',
  fighters: '#2166ac',
  trainees: '#4393c3',
  money: '#1a9850',
  drugs: '#762a83'
};

export function markerSize(killed: number | null): 'small' | 'medium' | 'large' {
  if (killed !== null && killed >= 10) return 'large';
  if (killed !== null && killed >= 1) return 'medium';
  return 'small';
}
