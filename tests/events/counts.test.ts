import { describe, expect, it } from 'vitest';
import { findCounts } from '../../src/lib/events/counts';

const counts = (s: string) => Object.fromEntries(Object.entries(findCounts(s, 0, [])).map(([k, v]) => [k, v!.n]));

describe('counts of people', () => {
  it('reads digits and words, active and passive', () => {
    expect(counts('Gunmen killed 7 farmers near the river.')).toEqual({ killed: 7 });
    expect(counts('Eleven police officers were wounded when the post was hit.')).toEqual({ wounded: 11 });
    expect(counts('Troops arrested twenty-three suspects and killed two.')).toMatchObject({ captured: 23 });
    expect(counts('Raiders abducted 14 pupils from the school.')).toEqual({ abducted: 14 });
  });

  it('counts every person of a list joined by commas and "and"', () => {
    expect(counts('Gunmen killed a father, his wife and their son near the market.')).toEqual({ killed: 3 });
  });

  it('reads thousands separators as one number, not a list', () => {
    expect(counts('The siege killed 1,200 people and wounded 2,345.')).toEqual({ killed: 1200, wounded: 2345 });
  });

  it('reads "left N dead and M wounded"', () => {
    expect(counts('The mortar round left five dead and nine wounded.')).toEqual({ killed: 5, wounded: 9 });
    expect(counts('The explosion left a shopkeeper dead.')).toEqual({ killed: 1 });
  });

  it('takes the lower bound of a range, and sums a list', () => {
    expect(counts('The clash ended after killing 4 rebels and 2-3 guards.')).toEqual({ killed: 6 });
    expect(counts('Between 30 and 40 villagers were killed.')).toEqual({ killed: 30 });
  });

  it('reads qualifiers and vague amounts', () => {
    expect(findCounts('At least 9 miners died in the attack.', 0, []).killed).toEqual({ n: 9, approx: true });
    expect(counts('A dozen guards were injured.')).toEqual({ wounded: 12 });
    expect(findCounts('Dozens were injured in the stampede.', 0, []).wounded).toEqual({ n: 12, approx: true });
    expect(counts('More than 40 people dead after the shelling.')).toEqual({ killed: 40 });
  });

  it('reads killings told by their manner, and one person from a singular subject', () => {
    expect(counts('A shop owner was stabbed to death in the bazaar.')).toEqual({ killed: 1 });
    expect(counts('A mob beat to death three alleged thieves.')).toEqual({ killed: 3 });
    expect(counts('A ferry pilot injured in the blast succumbed at the clinic.')).toMatchObject({ killed: 1 });
    expect(counts('Farid, a local councillor, was shot dead outside his home.')).toEqual({ killed: 1 });
    expect(counts('Two guards and a cook were killed in the raid.')).toEqual({ killed: 3 });
    expect(counts('1 sergeant and 4 recruits were killed at the depot.')).toEqual({ killed: 5 });
    expect(counts('Union leader Musa Bello along with his driver was shot dead.')).toEqual({ killed: 2 });
    expect(counts('An organiser of the union, a former teacher, was shot dead.')).toEqual({ killed: 1 });
  });

  it('reads lists, subsets and relative clauses', () => {
    expect(counts('Raiders killed a farmer, his son, and two herders near the well.')).toEqual({ killed: 4 });
    expect(counts('Thirty rebels, including 4 commanders, were killed in the strikes.')).toEqual({ killed: 30 });
    expect(counts('A trader who was robbed by three men on the highway died in hospital.')).toEqual({ killed: 1 });
    expect(counts('A clerk was beaten by four men and later succumbed to his wounds.')).toEqual({ killed: 1 });
    expect(counts('The wounded driver died on Monday.')).toEqual({ killed: 1 });
  });

  it('reads shared subjects, deaths as outcomes and people shot dead', () => {
    expect(counts('Four porters were abducted by bandits and later killed.')).toEqual({ abducted: 4, killed: 4 });
    expect(counts('Gunmen shot a bank guard, Samuel Obi, dead near the gate.')).toEqual({ killed: 1 });
    expect(counts('The shelling caused the death of a shepherd.')).toEqual({ killed: 1 });
    expect(counts('The clashes led to five civilian deaths.')).toEqual({ killed: 5 });
    expect(counts('Traders marched to protest the death of a vendor last year.')).toEqual({});
    expect(counts('A ferry captain was found dead on the shore.')).toEqual({ killed: 1 });
    expect(counts('Raiders killed the chief of the village council.')).toEqual({ killed: 1 });
    expect(counts('A drone strike that killed two couriers hit the road.')).toEqual({ killed: 2 });
  });

  it('adds a second number of the same kind told with its own subject, not one that refers back', () => {
    expect(counts('2 guards were killed at the gate and 5 died later in the clinic.')).toEqual({ killed: 7 });
    expect(counts('1 pilot, and 3 mechanics were killed at the airfield.')).toEqual({ killed: 4 });
    expect(counts('Nine were killed and the 9 killed included a nurse.')).toEqual({ killed: 9 });
  });

  it('counts bodies found as the dead', () => {
    expect(counts('Divers recovered 8 bodies from the river.')).toEqual({ killed: 8 });
    expect(counts('Villagers found the bodies of two herders.')).toEqual({ killed: 2 });
  });

  it('never counts ages, years, units, calibres or compounds', () => {
    expect(counts('A 19-year-old student was killed.')).toEqual({ killed: 1 });
    expect(counts('Daniel Osei, 34, of Tamale was killed.')).toEqual({ killed: 1 });
    expect(counts('Soldiers of 7 Battalion killed two raiders.')).toEqual({ killed: 2 });
    expect(counts('They fired 120mm mortars and one soldier was killed.')).toEqual({ killed: 1 });
    expect(counts('A three-day curfew followed the killing.')).toEqual({});
    expect(counts('He mourned the Heavenly Hundred killed in the square.')).toEqual({});
  });

  it('never counts totals over a period', () => {
    expect(counts('He was the 31st officer killed since 2004.')).toEqual({});
    expect(counts('Nearly 300 people have been killed in the province so far this year.')).toEqual({});
    expect(counts('The attack brings the number of aid workers killed to 17.')).toEqual({});
  });
});
