import { formatMonths, laterOf, monthsBetween } from './dates.js';
import * as S from './scenario.js';
import type { CodeId, Scenario } from './scenario.js';

/** What a rule is evaluated against: the scenario as a whole, or each item of one of its lists. */
export const SUBJECTS = ['scenario', 'relationship', 'gift', 'barter', 'advice', 'conduct', 'referral'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** The scenario list each item subject iterates over. */
export const SUBJECT_LIST: Record<Exclude<Subject, 'scenario'>, keyof Scenario & string> = {
  relationship: 'relationships',
  gift: 'gifts',
  barter: 'barter',
  advice: 'advice',
  conduct: 'conduct',
  referral: 'referrals',
};

/** The type of a fact's value, used to check rule conditions when a pack is loaded. */
export type FactType =
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'number' }
  | { readonly kind: 'date' }
  | { readonly kind: 'string' }
  | { readonly kind: 'list'; readonly of?: readonly string[] };

/** The per-check facts every rule can see, derived once from the validated scenario. */
export interface ScenarioContext {
  readonly scenario: Scenario;
  readonly asOf: string;
  readonly codes: readonly CodeId[];
  readonly prescriber: boolean;
  /** When the post-care clock starts: the later of `care.endedOn` and `care.lastContactOn`. */
  readonly careEnd: string | undefined;
}

/** One item of a scenario list, with its index. */
export interface ItemContext {
  readonly subject: Subject;
  /** The item's position among the items judged for its subject. */
  readonly index: number;
  /** Where the item stands in the scenario: `relationships.0`, or `conduct.2` for a derived tie. */
  readonly path: string;
  readonly item: Record<string, unknown>;
  /** For a tie derived from another fact: the facts it stands on, cited as its evidence. */
  readonly derivedFrom?: readonly { readonly path: string; readonly value: unknown }[];
}

export interface FactDef {
  readonly name: string;
  /** `scenario` facts are visible to every rule; item facts only to rules on that subject. */
  readonly subject: Subject;
  readonly type: FactType;
  /** The scenario paths the value comes from; `{i}` stands for the item's index. */
  readonly sources: readonly string[];
  /** The paths to report as missing when the value is absent (default: `sources`). */
  readonly missing?: readonly string[];
  readonly description: string;
  readonly get: (ctx: ScenarioContext, item: ItemContext | undefined) => unknown;
  readonly format?: (value: unknown) => string;
  /** The scenario facts a derived value stands on, when they are not simply its sources. */
  readonly evidence?: (ctx: ScenarioContext, item: ItemContext | undefined) => readonly { path: string; value: unknown }[];
}

const enumT = (values: readonly string[]): FactType => ({ kind: 'enum', values });
const bool: FactType = { kind: 'boolean' };
const num: FactType = { kind: 'number' };
const date: FactType = { kind: 'date' };
const listOf = (values?: readonly string[]): FactType => (values ? { kind: 'list', of: values } : { kind: 'list' });

const splitPaths = new Map<string, readonly string[]>();

function at(root: unknown, path: string): unknown {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    if (splitPaths.size < 10_000) splitPaths.set(path, keys);
  }
  let v: unknown = root;
  for (const key of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const usd = (v: unknown): string => (typeof v === 'number' ? `US$${Number.isInteger(v) ? v : v.toFixed(2)}` : String(v));
const months = (v: unknown): string => (typeof v === 'number' ? formatMonths(v) : String(v));

/** A fact read straight from the scenario at the path that is its name. */
function scenarioFact(
  name: string,
  type: FactType,
  description: string,
  options: { default?: unknown; format?: (v: unknown) => string } = {},
): FactDef {
  return {
    name,
    subject: 'scenario',
    type,
    sources: [name],
    description,
    get: (ctx) => at(ctx.scenario, name) ?? options.default,
    ...(options.format ? { format: options.format } : {}),
  };
}

/** A fact read from one item of a scenario list: `relationship.kind` ← `relationships.{i}.kind`. */
function itemFact(
  subject: Exclude<Subject, 'scenario'>,
  field: string,
  type: FactType,
  description: string,
  options: { default?: (ctx: ScenarioContext) => unknown; format?: (v: unknown) => string } = {},
): FactDef {
  return {
    name: `${subject}.${field}`,
    subject,
    type,
    sources: [`${SUBJECT_LIST[subject]}.{i}.${field}`],
    description,
    get: (ctx, item) => item?.item[field] ?? options.default?.(ctx),
    ...(options.format ? { format: options.format } : {}),
  };
}

function giftsFromClient(ctx: ScenarioContext): S.Gift[] {
  return (ctx.scenario.gifts ?? []).filter((g) => g.direction === 'from-client');
}

/** The items of `wanted` not in `have`; absent when either list is absent. */
function missingFrom(wanted: readonly string[] | undefined, have: readonly string[] | undefined): string[] | undefined {
  if (wanted === undefined) return undefined;
  if (wanted.length === 0) return [];
  if (have === undefined) return undefined;
  const set = new Set(have);
  return wanted.filter((w) => !set.has(w));
}

/**
 * A list fact of the items of `source` outside the professional's competencies, and its count;
 * absent when the list is absent, or when it is not empty and the competencies are not given.
 */
function beyondCompetence(
  name: string,
  countName: string,
  source: string,
  wanted: (ctx: ScenarioContext) => readonly string[] | undefined,
  what: string,
): FactDef[] {
  const outside = (ctx: ScenarioContext) => missingFrom(wanted(ctx), ctx.scenario.professional.competencies);
  const sources = [source, 'professional.competencies'];
  return [
    { name, subject: 'scenario', type: listOf(), sources, description: `The ${what} outside the professional\u2019s competencies.`, get: outside },
    { name: countName, subject: 'scenario', type: num, sources, description: `How many of the ${what} lie outside the professional\u2019s competencies.`, get: (ctx) => outside(ctx)?.length },
  ];
}

/** The safeguards a crossing that is acceptable with safeguards calls for. */
export const REQUIRED_SAFEGUARDS = ['informed-consent', 'consultation', 'documentation'] as const;

/**
 * Which of the safeguards an item lacks. Informed consent given for the care as a whole counts when
 * it covers the topic (multiple relationships for a tie, boundaries for an act).
 */
function missingSafeguards(ctx: ScenarioContext, item: ItemContext | undefined, consentTopic: (typeof S.CONSENT_TOPICS)[number]): string[] {
  const have = new Set((item?.item['safeguards'] as string[] | undefined) ?? []);
  if (ctx.scenario.care?.informedConsentCovers?.includes(consentTopic)) have.add('informed-consent');
  return REQUIRED_SAFEGUARDS.filter((s) => !have.has(s));
}

/** `<subject>.missingSafeguards` and `<subject>.missingSafeguardCount` for an item that carries safeguards. */
function safeguardFacts(subject: 'relationship' | 'conduct', consentTopic: (typeof S.CONSENT_TOPICS)[number], covers: string): FactDef[] {
  const sources = [`${SUBJECT_LIST[subject]}.{i}.safeguards`, 'care.informedConsentCovers'];
  return [
    {
      name: `${subject}.missingSafeguards`,
      subject,
      type: listOf(REQUIRED_SAFEGUARDS),
      sources,
      description: `Which of informed consent, consultation and documentation are missing (informed consent for the care as a whole counts when it covers ${covers}).`,
      get: (ctx, item) => missingSafeguards(ctx, item, consentTopic),
    },
    {
      name: `${subject}.missingSafeguardCount`,
      subject,
      type: num,
      sources,
      description: 'How many of the three safeguards are missing.',
      get: (ctx, item) => missingSafeguards(ctx, item, consentTopic).length,
    },
  ];
}

const RED_FLAGS = ['secret-keeping', 'flirting', 'extra-time', 'off-duty-contact'] as const;

function redFlags(ctx: ScenarioContext): string[] {
  const kinds = new Set((ctx.scenario.conduct ?? []).map((c) => c.kind as string));
  return RED_FLAGS.filter((k) => kinds.has(k));
}

const FACT_LIST: readonly FactDef[] = [
  // The professional
  scenarioFact('professional.profession', enumT(S.PROFESSIONS), 'The profession.'),
  {
    name: 'professional.codes',
    subject: 'scenario',
    type: listOf(S.CODE_IDS),
    sources: ['professional.codes', 'professional.profession'],
    description: 'The ethics codes applied: professional.codes, or the profession\u2019s default codes.',
    get: (ctx) => ctx.codes,
  },
  {
    name: 'professional.prescriber',
    subject: 'scenario',
    type: bool,
    sources: ['professional.prescriber', 'professional.profession'],
    description: 'Whether the professional may prescribe (default: physicians and psychiatrists).',
    get: (ctx) => ctx.prescriber,
  },
  scenarioFact('professional.competencies', listOf(), 'Areas of training.'),
  scenarioFact('professional.impairment', enumT(S.IMPAIRMENTS), 'A personal problem affecting the professional.'),
  scenarioFact('professional.attractionToClient', bool, 'The professional reports attraction to the client.'),
  scenarioFact('professional.licensedIn', listOf(), 'Jurisdictions where the professional is licensed.'),

  // The client
  scenarioFact('client.status', enumT(S.CLIENT_STATUSES), 'Prospective, current or former client.'),
  scenarioFact('client.age', num, 'Age in years.'),
  scenarioFact('client.concerns', listOf(), 'Presenting concerns.'),
  ...beyondCompetence('client.uncoveredConcerns', 'client.uncoveredConcernCount', 'client.concerns', (ctx) => ctx.scenario.client.concerns, 'concerns'),
  scenarioFact('client.vulnerabilities', listOf(S.VULNERABILITIES), 'Known vulnerabilities.'),
  scenarioFact('client.risk.suicide', enumT(S.RISK_LEVELS), 'Assessed suicide risk.'),
  scenarioFact('client.risk.violence', enumT(S.RISK_LEVELS), 'Assessed risk of violence to others.'),
  scenarioFact('client.risk.identifiableVictim', bool, 'A threatened victim can be identified.'),
  scenarioFact('client.risk.psychosis', bool, 'Psychotic symptoms.'),
  scenarioFact('client.risk.medicalInstability', bool, 'Medically unstable.'),
  scenarioFact('client.risk.threatensProfessional', bool, 'The client threatens the professional.'),
  scenarioFact('client.requests', listOf(S.CLIENT_REQUESTS), 'What the client has asked for (none when absent).', { default: [] }),
  scenarioFact('client.acceptsReferral', bool, 'The client accepts a referral.'),
  scenarioFact('client.canPay', bool, 'The client can pay for services.'),
  scenarioFact('client.location', { kind: 'string' }, 'Where the client is (ISO 3166-2).'),
  {
    name: 'client.locationLicensed',
    subject: 'scenario',
    type: bool,
    sources: ['client.location', 'professional.licensedIn'],
    description: 'The client is in a jurisdiction where the professional is licensed.',
    get: (ctx) => {
      const where = ctx.scenario.client.location;
      const licensed = ctx.scenario.professional.licensedIn;
      return where === undefined || licensed === undefined ? undefined : licensed.includes(where);
    },
  },
  scenarioFact('client.populations', listOf(), 'Groups the client belongs to that call for particular competence (none when absent).', { default: [] }),
  ...beyondCompetence('client.uncoveredPopulations', 'client.uncoveredPopulationCount', 'client.populations', (ctx) => ctx.scenario.client.populations ?? [], 'populations'),
  scenarioFact('client.physicalSymptoms', bool, 'Physical symptoms that could have a medical cause (false when not reported).', { default: false }),
  scenarioFact('client.medicallyEvaluated', bool, 'The symptoms have been medically evaluated.'),

  // Care
  scenarioFact('care.startedOn', date, 'When care began.'),
  scenarioFact('care.endedOn', date, 'When care ended.'),
  scenarioFact('care.lastContactOn', date, 'The last professional contact.'),
  scenarioFact('care.modality', enumT(S.MODALITIES), 'Individual, couple, family or group.'),
  scenarioFact('care.setting', enumT(S.SETTINGS), 'Where care is given.'),
  scenarioFact('care.community', enumT(S.COMMUNITIES), 'The community care takes place in.'),
  scenarioFact('care.alternativesNearby', bool, 'Another suitable provider is within reach.'),
  scenarioFact('care.sessions', num, 'Sessions held.'),
  scenarioFact('care.progress', enumT(S.PROGRESS), 'Progress of care.'),
  scenarioFact('care.sessionsWithoutProgress', num, 'Consecutive sessions without progress.'),
  scenarioFact('care.goalsAgreed', bool, 'Professional and client agree on the goals of care.'),
  scenarioFact('care.allianceStrained', bool, 'The working alliance is strained.'),
  {
    name: 'care.terminationDescribed',
    subject: 'scenario',
    type: bool,
    sources: ['care.termination'],
    description: 'The scenario describes an ending of care (care.termination is present).',
    get: (ctx) => ctx.scenario.care?.termination !== undefined,
  },
  scenarioFact('care.termination.planned', bool, 'The ending was planned.'),
  scenarioFact('care.termination.reason', enumT(S.TERMINATION_REASONS), 'Why care ends.'),
  scenarioFact('care.termination.preTerminationCounseling', bool, 'Pretermination counselling was given.'),
  scenarioFact('care.termination.referralsGiven', bool, 'Other providers were suggested.'),
  scenarioFact('care.previousModality', enumT(S.MODALITIES), 'The modality before a change.'),
  {
    name: 'care.modalityChanged',
    subject: 'scenario',
    type: bool,
    sources: ['care.previousModality', 'care.modality'],
    description: 'The modality of care has changed (false when no earlier modality is given).',
    get: (ctx) => {
      const care = ctx.scenario.care;
      if (care?.previousModality === undefined) return false;
      return care.modality === undefined ? undefined : care.modality !== care.previousModality;
    },
  },
  scenarioFact('care.interventions', listOf(), 'Interventions used (none described when absent).', { default: [] }),
  scenarioFact('care.supervised', bool, 'The professional works under competent supervision.'),
  ...beyondCompetence('care.untrainedInterventions', 'care.untrainedInterventionCount', 'care.interventions', (ctx) => ctx.scenario.care?.interventions ?? [], 'interventions used'),
  scenarioFact('care.informedConsentCovers', listOf(S.CONSENT_TOPICS), 'Topics the informed consent covers (none when absent).', { default: [] }),

  // Gifts, as a whole
  {
    name: 'gifts.fromClientTotalUsd',
    subject: 'scenario',
    type: num,
    sources: ['gifts'],
    description: 'The total value of all gifts from the client, in US dollars.',
    get: (ctx) => giftsFromClient(ctx).reduce((sum, g) => sum + g.valueUsd, 0),
    format: usd,
  },
  {
    name: 'gifts.fromClientCount',
    subject: 'scenario',
    type: num,
    sources: ['gifts'],
    description: 'How many gifts the client has given.',
    get: (ctx) => giftsFromClient(ctx).length,
  },

  // Relationships and conduct, as a whole
  {
    name: 'relationships.withClientKinds',
    subject: 'scenario',
    type: listOf(S.RELATIONSHIP_KINDS),
    sources: ['relationships'],
    description: 'The kinds of tie with the client that have not ended.',
    get: (ctx) => [...new Set((ctx.scenario.relationships ?? []).filter((r) => r.with === 'client' && r.status !== 'ended').map((r) => r.kind))],
  },
  {
    name: 'conduct.redFlags',
    subject: 'scenario',
    type: listOf(RED_FLAGS),
    sources: ['conduct'],
    description: 'The red-flag kinds of conduct present: secret-keeping, flirting, extra time, off-duty contact.',
    get: (ctx) => redFlags(ctx),
  },
  {
    name: 'conduct.redFlagCount',
    subject: 'scenario',
    type: num,
    sources: ['conduct'],
    description: 'How many different red-flag kinds of conduct are present.',
    get: (ctx) => redFlags(ctx).length,
  },

  // Each relationship
  itemFact('relationship', 'kind', enumT(S.RELATIONSHIP_KINDS), 'The kind of tie.'),
  itemFact('relationship', 'with', enumT(S.RELATIONSHIP_WITH), 'Who the tie is with.'),
  itemFact('relationship', 'timing', enumT(S.TIMINGS), 'When the tie stands relative to care.'),
  itemFact('relationship', 'status', enumT(S.RELATIONSHIP_STATUSES), 'Proposed, ongoing or ended (default ongoing).', {
    default: () => 'ongoing',
  }),
  itemFact('relationship', 'startedOn', date, 'When the tie began (default: the date judged at).', {
    default: (ctx) => ctx.asOf,
  }),
  itemFact('relationship', 'initiatedBy', enumT(S.INITIATORS), 'Who started it.'),
  itemFact('relationship', 'arose', enumT(S.AROSE), 'Chosen, unanticipated or required.'),
  itemFact('relationship', 'promisedDuringCare', bool, 'It was hinted at or promised during care.'),
  itemFact('relationship', 'safeguards', listOf(S.SAFEGUARDS), 'Safeguards in place (none when absent).', {
    default: () => [],
  }),
  itemFact('relationship', 'oneOff', bool, 'A single transaction rather than a standing tie (default false).', {
    default: () => false,
  }),
  ...safeguardFacts('relationship', 'multiple-relationship', 'the multiple relationship'),
  {
    name: 'relationship.monthsAfterCare',
    subject: 'relationship',
    type: num,
    sources: ['care.endedOn', 'care.lastContactOn', 'relationships.{i}.startedOn'],
    missing: ['care.endedOn'],
    description:
      'Whole calendar months from the end of care (the later of care.endedOn and care.lastContactOn) to the start of the tie.',
    get: (ctx, item) => {
      if (ctx.careEnd === undefined) return undefined;
      const started = (item?.item['startedOn'] as string | undefined) ?? ctx.asOf;
      return monthsBetween(ctx.careEnd, started);
    },
    format: months,
    evidence: (ctx, item) => {
      const care = ctx.scenario.care;
      const end =
        care?.lastContactOn !== undefined && care.lastContactOn === ctx.careEnd
          ? { path: 'care.lastContactOn', value: care.lastContactOn }
          : { path: 'care.endedOn', value: care?.endedOn };
      const started = item?.item['startedOn'];
      // Without a start date the tie is judged as starting on the date judged at.
      const start = started !== undefined && item ? { path: `${item.path}.startedOn`, value: started } : { path: 'asOf', value: ctx.asOf };
      return [end, start];
    },
  },

  // Each gift
  itemFact('gift', 'direction', enumT(S.GIFT_DIRECTIONS), 'From the client or to the client.'),
  itemFact('gift', 'kind', enumT(S.GIFT_KINDS), 'What was given.'),
  itemFact('gift', 'valueUsd', num, 'Its value in US dollars.', { format: usd }),
  itemFact('gift', 'occasion', enumT(S.GIFT_OCCASIONS), 'The occasion.'),

  // Each barter arrangement
  itemFact('barter', 'requestedBy', enumT(S.BARTER_REQUESTERS), 'Who asked for it.'),
  itemFact('barter', 'personalService', bool, 'The client would perform a personal service for the professional.'),
  itemFact('barter', 'writtenContract', bool, 'A written contract exists.'),
  itemFact('barter', 'communityNorm', bool, 'Barter is accepted practice in the community.'),
  itemFact('barter', 'clinicallyContraindicated', bool, 'Barter is clinically contraindicated.'),
  itemFact('barter', 'fairValue', bool, 'The exchange is at fair value.'),

  // Each piece of advice
  itemFact('advice', 'topic', enumT(S.ADVICE_TOPICS), 'What the advice is about.'),
  itemFact('advice', 'mode', enumT(S.ADVICE_MODES), 'Directive, informational or exploratory.'),
  itemFact('advice', 'requestedByClient', bool, 'The client asked for it.'),

  // Each act of conduct
  itemFact('conduct', 'kind', enumT(S.CONDUCT_KINDS), 'What happened.'),
  itemFact('conduct', 'detail', enumT(S.CONDUCT_DETAILS), 'Detail of the act.'),
  itemFact('conduct', 'initiatedBy', enumT(S.CONDUCT_INITIATORS), 'Who started it.'),
  itemFact('conduct', 'repeated', bool, 'It happened more than once.'),
  itemFact('conduct', 'safeguards', listOf(S.SAFEGUARDS), 'Safeguards taken (none when absent).', { default: () => [] }),
  ...safeguardFacts('conduct', 'boundaries', 'boundaries'),

  // Each referral
  itemFact('referral', 'reason', enumT(S.REFERRAL_REASONS), 'Why the referral is made.'),
  itemFact('referral', 'feePaid', bool, 'A fee is paid or received for the referral itself.'),
  itemFact('referral', 'consentToShare', bool, 'The client consented to sharing information with the new provider.'),
];



/** Every fact a rule condition or rationale may name, by name. */
export const FACTS: ReadonlyMap<string, FactDef> = new Map(FACT_LIST.map((f) => [f.name, f]));

/** Facts visible to a rule on `subject`: the scenario's and that subject's own. */
export function factVisible(fact: FactDef, subject: Subject): boolean {
  return fact.subject === 'scenario' || fact.subject === subject;
}

/** Profession → the ethics codes applied when `professional.codes` is absent. */
export const DEFAULT_CODES: Record<S.Profession, readonly CodeId[]> = {
  psychologist: ['apa'],
  counselor: ['aca'],
  'social-worker': ['nasw'],
  'marriage-family-therapist': ['aamft'],
  'behavior-analyst': ['bacb'],
  nurse: ['ncsbn'],
  physician: ['ama'],
  psychiatrist: ['ama', 'apa-psychiatry'],
  'addiction-counselor': ['naadac'],
};

/** Derives the facts shared by every rule, once per check. */
export function scenarioContext(scenario: Scenario, asOf: string): ScenarioContext {
  const p = scenario.professional;
  const codes = [...new Set(p.codes ?? DEFAULT_CODES[p.profession])];
  return {
    scenario,
    asOf,
    codes,
    prescriber: p.prescriber ?? (p.profession === 'physician' || p.profession === 'psychiatrist'),
    careEnd: laterOf(scenario.care?.endedOn, scenario.care?.lastContactOn),
  };
}

/**
 * The items of each list subject in a scenario. An accepted friend request (a conduct) leaves the
 * two connected, which is also a standing online tie: it is judged as one, unless the scenario
 * already lists that tie, so the same facts give the same findings however they are described.
 */
export function itemsOf(scenario: Scenario, subject: Exclude<Subject, 'scenario'>): ItemContext[] {
  const listName = SUBJECT_LIST[subject];
  const list = (scenario[listName] ?? []) as readonly Record<string, unknown>[];
  const items: ItemContext[] = list.map((item, index) => ({ subject, index, path: `${listName}.${index}`, item }));
  if (subject === 'relationship') {
    const listed = (scenario.relationships ?? []).some((r) => r.kind === 'online' && r.with === 'client' && r.status !== 'ended');
    (scenario.conduct ?? []).forEach((c, j) => {
      if (listed || c.kind !== 'online-contact' || c.detail !== 'friend-request-accepted') return;
      items.push({
        subject,
        index: items.length,
        path: `conduct.${j}`,
        item: {
          kind: 'online',
          with: 'client',
          timing: scenario.client.status === 'former' ? 'after' : 'during',
          status: 'ongoing',
          ...(c.initiatedBy ? { initiatedBy: c.initiatedBy } : {}),
        },
        derivedFrom: [
          { path: `conduct.${j}.kind`, value: c.kind },
          { path: `conduct.${j}.detail`, value: c.detail },
          ...(c.initiatedBy ? [{ path: `conduct.${j}.initiatedBy`, value: c.initiatedBy }] : []),
        ],
      });
    });
  }
  return items;
}

/** A source path with the item's place filled in: `relationships.{i}.kind` → `relationships.0.kind`. */
export function concretePath(source: string, item: ItemContext | undefined): string {
  if (!item) return source;
  const listName = SUBJECT_LIST[item.subject as Exclude<Subject, 'scenario'>];
  const prefix = `${listName}.{i}`;
  return source.startsWith(prefix) ? item.path + source.slice(prefix.length) : source;
}

/** The value at a dot path of the scenario. */
export function valueAtPath(scenario: Scenario, path: string): unknown {
  return at(scenario, path);
}
