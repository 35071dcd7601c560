import { scenario } from '../../src/testing.js';
import type { Profession } from '../../src/scenario.js';

/** A scenario with every deciding fact given and nothing amiss, plus `extra` top-level fields. */
export function cleanScenario(profession: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...scenario(profession as Profession).build(), ...extra };
}

/** A former client whose care ended on 2019-03-01 (after starting 2018-02-01), and a romance from `startedOn`. */
export function formerClientRomance(profession: string, startedOn: string, withWhom = 'client'): Record<string, unknown> {
  return scenario(profession as Profession)
    .care({ startedOn: '2018-02-01' })
    .former('2019-03-01')
    .relationship({ kind: 'romantic', with: withWhom, timing: 'after', startedOn, promisedDuringCare: false })
    .build();
}
