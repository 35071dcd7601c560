/**
 * A scenario with every deciding fact given and nothing amiss, for tests to change one thing at a
 * time. Each call returns a fresh object.
 */
export function cleanScenario(profession: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    asOf: '2025-06-01',
    professional: { profession, competencies: ['anxiety', 'depression', 'adults'], impairment: 'none', attractionToClient: false, licensedIn: ['US-OR'] },
    client: {
      status: 'current',
      concerns: ['anxiety'],
      populations: ['adults'],
      location: 'US-OR',
      canPay: true,
      risk: { suicide: 'none', violence: 'none', identifiableVictim: false, psychosis: false, medicalInstability: false, threatensProfessional: false },
    },
    care: {
      startedOn: '2025-01-10',
      modality: 'individual',
      community: 'urban',
      alternativesNearby: true,
      progress: 'improving',
      sessionsWithoutProgress: 0,
      goalsAgreed: true,
      allianceStrained: false,
    },
    ...extra,
  };
}

/** The same, for a former client whose care ended on 2019-03-01 and a romance that began on `startedOn`. */
export function formerClientRomance(profession: string, startedOn: string, withWhom = 'client'): Record<string, unknown> {
  const s = cleanScenario(profession, {
    relationships: [{ kind: 'romantic', with: withWhom, timing: 'after', startedOn, promisedDuringCare: false }],
  });
  return { ...s, client: { ...(s['client'] as object), status: 'former' }, care: { ...(s['care'] as object), startedOn: '2018-02-01', endedOn: '2019-03-01' } };
}
