import { z } from 'zod';
import { ScenarioError, dotPath, type Issue } from './errors.js';

// The enumerations of the public contract (shared/design/CONTRACT.md). Exported as values so the
// fact catalog and the rule-pack validator check rule values against exactly these lists.

export const PROFESSIONS = [
  'psychologist', 'counselor', 'social-worker', 'marriage-family-therapist', 'behavior-analyst',
  'nurse', 'physician', 'psychiatrist', 'addiction-counselor',
] as const;
export const CODE_IDS = ['apa', 'aca', 'nasw', 'aamft', 'bacb', 'ncsbn', 'ama', 'apa-psychiatry', 'naadac'] as const;
export const IMPAIRMENTS = ['none', 'substance', 'illness', 'grief', 'burnout', 'legal', 'mental-health'] as const;
export const CLIENT_STATUSES = ['prospective', 'current', 'former'] as const;
export const VULNERABILITIES = ['trauma-history', 'abuse-history', 'dependency', 'cognitive-impairment', 'unstable'] as const;
export const RISK_LEVELS = ['none', 'low', 'moderate', 'high', 'imminent'] as const;
export const CLIENT_REQUESTS = ['referral', 'termination', 'advice', 'social-contact'] as const;
export const MODALITIES = ['individual', 'couple', 'family', 'group'] as const;
export const SETTINGS = ['private-practice', 'agency', 'hospital', 'school', 'telehealth', 'forensic'] as const;
export const COMMUNITIES = ['urban', 'suburban', 'rural', 'closed'] as const;
export const PROGRESS = ['improving', 'none', 'deteriorating'] as const;
export const TERMINATION_REASONS = ['completed', 'no-benefit', 'nonpayment', 'threat', 'relocation', 'relationship', 'other'] as const;
export const CONSENT_TOPICS = [
  'boundaries', 'social-media', 'multiple-relationship', 'fees', 'barter', 'confidentiality-limits',
  // Added to the contract's list: consent to a change of role or modality, with the right to refuse it.
  'role-change',
] as const;
export const RELATIONSHIP_KINDS = [
  'sexual', 'romantic', 'friendship', 'social', 'family', 'business', 'employment', 'financial',
  'supervisory', 'teaching', 'evaluative', 'forensic', 'online', 'shared-community', 'acquaintance',
  // Added to the contract's list: a coworker of the professional (or of the professional's workplace).
  'colleague',
] as const;
export const RELATIONSHIP_WITH = ['client', 'client-partner', 'client-family', 'client-friend'] as const;
export const TIMINGS = ['before', 'during', 'after'] as const;
export const RELATIONSHIP_STATUSES = ['proposed', 'ongoing', 'ended'] as const;
export const INITIATORS = ['professional', 'client', 'other'] as const;
export const AROSE = ['chosen', 'unanticipated', 'required'] as const;
export const SAFEGUARDS = ['informed-consent', 'consultation', 'documentation', 'supervision'] as const;
export const GIFT_DIRECTIONS = ['from-client', 'to-client'] as const;
export const GIFT_KINDS = ['cash', 'gift-card', 'object', 'food', 'handmade', 'service', 'bequest', 'loan'] as const;
export const GIFT_OCCASIONS = ['holiday', 'termination', 'milestone', 'none'] as const;
export const BARTER_REQUESTERS = ['client', 'professional'] as const;
export const ADVICE_TOPICS = [
  'medication', 'supplement', 'medical-diagnosis', 'legal', 'financial', 'relationship-decision',
  'life-decision', 'religion', 'career', 'parenting', 'clinical',
] as const;
export const ADVICE_MODES = ['directive', 'informational', 'exploratory'] as const;
export const CONDUCT_KINDS = [
  'touch', 'self-disclosure', 'online-contact', 'personal-messaging', 'out-of-office',
  'viewed-client-social-media', 'secret-keeping', 'extra-time', 'off-duty-contact', 'flirting',
  // Added to the contract's list: unwelcome sexual remarks or advances; and a benefit or service
  // made conditional on the client's compliance with a personal demand.
  'sexual-harassment', 'coercion',
] as const;
export const CONDUCT_DETAILS = [
  'handshake', 'brief-supportive', 'hug', 'prolonged', 'intimate',
  'clinical', 'personal-problems', 'intimate-life', 'attraction',
  'friend-request-received', 'friend-request-accepted', 'follow',
] as const;
export const CONDUCT_INITIATORS = ['professional', 'client'] as const;
export const REFERRAL_REASONS = [
  'competence', 'no-progress', 'risk', 'client-request', 'conflict-of-interest', 'multiple-relationship',
  'professional-values', 'impairment', 'departure', 'nonpayment',
] as const;

/**
 * A real calendar date written YYYY-MM-DD, as a regular expression (so the JSON Schema carries it
 * too): 30-day months, February's 28 days, and 29 February in leap years only.
 */
export const CALENDAR_DATE_PATTERN =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';
const calendarDate = z.string().regex(new RegExp(CALENDAR_DATE_PATTERN), 'must be a real calendar date written YYYY-MM-DD');
const count = z.number().int().nonnegative();
const amount = z.number().nonnegative().finite();

const ProfessionalSchema = z.strictObject({
  profession: z.enum(PROFESSIONS),
  codes: z.array(z.enum(CODE_IDS)).min(1).optional(),
  prescriber: z.boolean().optional(),
  competencies: z.array(z.string().min(1)).optional(),
  licensedIn: z.array(z.string().min(1)).optional(),
  impairment: z.enum(IMPAIRMENTS).optional(),
  attractionToClient: z.boolean().optional(),
});

const RiskSchema = z.strictObject({
  suicide: z.enum(RISK_LEVELS).optional(),
  violence: z.enum(RISK_LEVELS).optional(),
  identifiableVictim: z.boolean().optional(),
  psychosis: z.boolean().optional(),
  medicalInstability: z.boolean().optional(),
  threatensProfessional: z.boolean().optional(),
});

const ClientSchema = z.strictObject({
  status: z.enum(CLIENT_STATUSES),
  age: amount.optional(),
  location: z.string().min(1).optional(),
  concerns: z.array(z.string().min(1)).optional(),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)).optional(),
  risk: RiskSchema.optional(),
  requests: z.array(z.enum(CLIENT_REQUESTS)).optional(),
  acceptsReferral: z.boolean().optional(),
  canPay: z.boolean().optional(),
  /** Added: groups the client belongs to that call for particular competence (e.g. "child", "deaf"), in the vocabulary of professional.competencies. None when absent. */
  populations: z.array(z.string().min(1)).optional(),
  /** Added: the client has physical symptoms that could have a medical cause. Not reported (false) when absent. */
  physicalSymptoms: z.boolean().optional(),
  /** Added: those symptoms have been evaluated by a medical professional. */
  medicallyEvaluated: z.boolean().optional(),
});

const TerminationSchema = z.strictObject({
  planned: z.boolean(),
  reason: z.enum(TERMINATION_REASONS).optional(),
  preTerminationCounseling: z.boolean().optional(),
  referralsGiven: z.boolean().optional(),
});

const CareSchema = z.strictObject({
  startedOn: calendarDate.optional(),
  endedOn: calendarDate.optional(),
  lastContactOn: calendarDate.optional(),
  modality: z.enum(MODALITIES).optional(),
  setting: z.enum(SETTINGS).optional(),
  community: z.enum(COMMUNITIES).optional(),
  alternativesNearby: z.boolean().optional(),
  sessions: count.optional(),
  progress: z.enum(PROGRESS).optional(),
  sessionsWithoutProgress: count.optional(),
  goalsAgreed: z.boolean().optional(),
  allianceStrained: z.boolean().optional(),
  termination: TerminationSchema.optional(),
  informedConsentCovers: z.array(z.enum(CONSENT_TOPICS)).optional(),
  /** Added: the modality before a change (individual therapy becoming couple therapy, say). */
  previousModality: z.enum(MODALITIES).optional(),
  /** Added: interventions used, in the vocabulary of professional.competencies. None described when absent. */
  interventions: z.array(z.string().min(1)).optional(),
  /** Added: the professional works under the supervision of someone competent in the work. */
  supervised: z.boolean().optional(),
});

const RelationshipSchema = z.strictObject({
  kind: z.enum(RELATIONSHIP_KINDS),
  with: z.enum(RELATIONSHIP_WITH),
  timing: z.enum(TIMINGS),
  status: z.enum(RELATIONSHIP_STATUSES).optional(),
  startedOn: calendarDate.optional(),
  initiatedBy: z.enum(INITIATORS).optional(),
  arose: z.enum(AROSE).optional(),
  promisedDuringCare: z.boolean().optional(),
  safeguards: z.array(z.enum(SAFEGUARDS)).optional(),
  /** Added: a single transaction at the usual price (buying a client's product once), not a standing tie. */
  oneOff: z.boolean().optional(),
});

const GiftSchema = z.strictObject({
  direction: z.enum(GIFT_DIRECTIONS),
  kind: z.enum(GIFT_KINDS),
  valueUsd: amount,
  occasion: z.enum(GIFT_OCCASIONS).optional(),
  givenOn: calendarDate.optional(),
});

const BarterSchema = z.strictObject({
  requestedBy: z.enum(BARTER_REQUESTERS),
  personalService: z.boolean(),
  writtenContract: z.boolean().optional(),
  communityNorm: z.boolean().optional(),
  clinicallyContraindicated: z.boolean().optional(),
  fairValue: z.boolean().optional(),
});

const AdviceSchema = z.strictObject({
  topic: z.enum(ADVICE_TOPICS),
  mode: z.enum(ADVICE_MODES),
  requestedByClient: z.boolean(),
});

const ConductSchema = z.strictObject({
  kind: z.enum(CONDUCT_KINDS),
  detail: z.enum(CONDUCT_DETAILS).optional(),
  initiatedBy: z.enum(CONDUCT_INITIATORS).optional(),
  repeated: z.boolean().optional(),
  /** Added: safeguards taken for an act that extends the professional boundary (an out-of-office visit, say). */
  safeguards: z.array(z.enum(SAFEGUARDS)).optional(),
});

const ReferralSchema = z.strictObject({
  reason: z.enum(REFERRAL_REASONS),
  feePaid: z.boolean().optional(),
  consentToShare: z.boolean().optional(),
});

/** The zod schema of a scenario: the executable form of the contract's `Scenario`. */
export const ScenarioSchema = z
  .strictObject({
    id: z.string().min(1).optional(),
    asOf: calendarDate.optional(),
    jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166-2 code such as "US-NY"').optional(),
    professional: ProfessionalSchema,
    client: ClientSchema,
    care: CareSchema.optional(),
    relationships: z.array(RelationshipSchema).optional(),
    gifts: z.array(GiftSchema).optional(),
    barter: z.array(BarterSchema).optional(),
    advice: z.array(AdviceSchema).optional(),
    conduct: z.array(ConductSchema).optional(),
    referrals: z.array(ReferralSchema).optional(),
  })
  .superRefine((s, ctx) => {
    const care = s.care;
    if (!care) return;
    const order = (earlier: 'startedOn', later: 'endedOn' | 'lastContactOn') => {
      const a = care[earlier];
      const b = care[later];
      if (a !== undefined && b !== undefined && b < a) {
        ctx.addIssue({ code: 'custom', path: ['care', later], message: `is before care.${earlier} (${a})` });
      }
    };
    order('startedOn', 'endedOn');
    order('startedOn', 'lastContactOn');
    if (care.endedOn !== undefined && s.client.status !== 'former') {
      ctx.addIssue({
        code: 'custom',
        path: ['care', 'endedOn'],
        message: `care has ended, but client.status is '${s.client.status}' (use 'former')`,
      });
    }
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Profession = (typeof PROFESSIONS)[number];
export type CodeId = (typeof CODE_IDS)[number];
export type Professional = Scenario['professional'];
export type Client = Scenario['client'];
export type Care = NonNullable<Scenario['care']>;
export type Relationship = NonNullable<Scenario['relationships']>[number];
export type Gift = NonNullable<Scenario['gifts']>[number];
export type Barter = NonNullable<Scenario['barter']>[number];
export type Advice = NonNullable<Scenario['advice']>[number];
export type Conduct = NonNullable<Scenario['conduct']>[number];
export type Referral = NonNullable<Scenario['referrals']>[number];

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * Turns zod's issues into the contract's `{ path, message }` issues: one per unknown key (named in
 * its path), enum errors listing the allowed values, and "is required" for a missing field.
 */
export function toIssues(error: z.ZodError, input: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) {
    const at = issue.path;
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          out.push({ path: dotPath([...at, key]), message: `is not a known field` });
        }
        break;
      case 'invalid_value': {
        const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
        const got = valueAt(input, at);
        out.push({
          path: dotPath(at),
          message: got === undefined ? `is required (one of ${allowed})` : `must be one of ${allowed}; got ${JSON.stringify(got)}`,
        });
        break;
      }
      case 'too_small':
        out.push({
          path: dotPath(at),
          message:
            issue.origin === 'array'
              ? `must have at least ${String(issue.minimum)} ${issue.minimum === 1 ? 'item' : 'items'}`
              : issue.origin === 'string'
                ? 'must not be empty'
                : `must be at least ${String(issue.minimum)}; got ${JSON.stringify(valueAt(input, at))}`,
        });
        break;
      case 'invalid_type': {
        const got = valueAt(input, at);
        out.push({
          path: dotPath(at),
          message: got === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}, not ${describe(got)}`,
        });
        break;
      }
      default:
        out.push({ path: dotPath(at), message: issue.message });
    }
  }
  return out;
}

/** Validates and returns a scenario; throws `ScenarioError` with the path of every problem. */
export function parseScenario(input: unknown): Scenario {
  const result = ScenarioSchema.safeParse(input);
  if (!result.success) throw new ScenarioError(toIssues(result.error, input));
  return result.data;
}
