import type { Coding, Patient, Reference, ServiceRequest } from '@medplum/fhirtypes';
import type { Finding, Report, Severity, Urgency } from '../types.js';
import { stableUuid, URN } from './ids.js';

/** A CDS Hooks 2.0 card. */
export interface CdsCard {
  uuid: string;
  summary: string;
  detail: string;
  indicator: 'info' | 'warning' | 'critical';
  source: { label: string; url?: string; topic?: Coding };
  suggestions?: CdsSuggestion[];
  selectionBehavior?: 'at-most-one' | 'any';
  overrideReasons?: Coding[];
  links?: { label: string; url: string; type: 'absolute' | 'smart' }[];
}

export interface CdsSuggestion {
  label: string;
  uuid: string;
  isRecommended: boolean;
  actions: { type: 'create' | 'update' | 'delete'; description: string; resource?: ServiceRequest }[];
}

export interface CdsServiceDefinition {
  hook: string;
  title: string;
  description: string;
  id: string;
  prefetch?: Record<string, string>;
  usageRequirements?: string;
}

export interface CdsOptions {
  /** The service's name on each card's source. Default: the ruleset's name. */
  readonly sourceLabel?: string;
  /** A page about the service, for each card's source. */
  readonly sourceUrl?: string;
  /** The patient, for the referral suggestions' ServiceRequests. */
  readonly patient?: Reference<Patient>;
}

/** critical → critical; high and moderate → warning; low → info. */
export const CDS_INDICATOR: Readonly<Record<Severity, CdsCard['indicator']>> = {
  critical: 'critical',
  high: 'warning',
  moderate: 'warning',
  low: 'info',
};

const PRIORITY: Record<Urgency, NonNullable<ServiceRequest['priority']>> = { emergency: 'stat', urgent: 'urgent', routine: 'routine' };

/** The reasons a clinician may give for going on, where documented safeguards can justify it. */
export const OVERRIDE_REASONS: readonly Coding[] = [
  { system: `${URN}:override-reason`, code: 'safeguards-documented', display: 'Informed consent, consultation and documentation are in place' },
  { system: `${URN}:override-reason`, code: 'facts-inaccurate', display: 'The facts recorded do not describe the situation' },
];

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function detailOf(finding: Finding): string {
  const cites = finding.citations.map((c) => {
    const marks = [c.binding === false ? 'guidance, not binding' : '', c.confidence && c.confidence !== 'confirmed' ? `${c.confidence} citation` : '']
      .filter(Boolean)
      .join('; ');
    const title = `${c.code.toUpperCase()} (${c.edition}) ${c.section} — ${c.title}`;
    return `- ${c.url ? `[${title}](${c.url})` : title}${marks ? ` _(${marks})_` : ''}`;
  });
  return [
    `**${finding.severity.toUpperCase()}** · \`${finding.ruleId}\`${finding.subject ? ` · ${finding.subject}` : ''}`,
    '',
    finding.rationale,
    '',
    '**Cites**',
    ...cites,
    '',
    '**Recommended**',
    ...finding.recommendations.map((r) => `- ${r}`),
  ].join('\n');
}

/** CDS Hooks 2.0 cards, one per finding, in the report's order. */
export function toCdsHooksCards(report: Report, options: CdsOptions = {}): CdsCard[] {
  return report.findings.map((finding) => {
    const uuid = stableUuid(report.scenarioId ?? '', finding.ruleId, finding.subject ?? '');
    const card: CdsCard = {
      uuid,
      summary: shorten(finding.title, 139),
      detail: detailOf(finding),
      indicator: CDS_INDICATOR[finding.severity],
      source: {
        label: options.sourceLabel ?? `${report.ruleset.name} ${report.ruleset.version}`,
        ...(options.sourceUrl ? { url: options.sourceUrl } : {}),
        topic: { system: `${URN}:rule`, code: finding.ruleId, display: finding.title },
      },
    };
    if (finding.referral) {
      const urgency = finding.referral.urgency;
      card.suggestions = [
        {
          label: shorten(`Refer (${urgency}): ${finding.recommendations[0] ?? finding.title}`, 140),
          uuid: stableUuid(uuid, 'referral'),
          isRecommended: true,
          actions: [
            {
              type: 'create',
              description: `Create a ${urgency} referral`,
              resource: {
                resourceType: 'ServiceRequest',
                status: 'draft',
                intent: 'proposal',
                priority: PRIORITY[urgency],
                code: { text: `Referral: ${finding.title}` },
                ...(options.patient ? { subject: options.patient } : { subject: { display: 'the client' } }),
                reasonCode: [{ coding: [{ system: `${URN}:rule`, code: finding.ruleId }], text: finding.title }],
              },
            },
          ],
        },
      ];
      card.selectionBehavior = 'at-most-one';
    }
    if (finding.severity === 'moderate') card.overrideReasons = [...OVERRIDE_REASONS];
    const links = finding.citations.filter((c) => c.url).map((c) => ({ label: `${c.code.toUpperCase()} ${c.section}`, url: c.url as string, type: 'absolute' as const }));
    if (links.length > 0) card.links = links.filter((l, i) => links.findIndex((x) => x.url === l.url && x.label === l.label) === i);
    return card;
  });
}

/** The CDS Hooks discovery entry for a service that checks a scenario. */
export function cdsServiceDefinition(options: Partial<CdsServiceDefinition> = {}): CdsServiceDefinition {
  return {
    hook: options.hook ?? 'patient-view',
    title: options.title ?? 'Professional boundaries check',
    description:
      options.description ??
      'Checks a described therapist–client situation against the boundaries rules of the professional’s ethics code and returns cited findings.',
    id: options.id ?? 'therapeutic-boundaries',
    ...(options.prefetch ? { prefetch: options.prefetch } : {}),
    usageRequirements:
      options.usageRequirements ??
      'Send the scenario (the contract\u2019s Scenario JSON) as context.scenario, or as prefetch.scenario.',
  };
}
