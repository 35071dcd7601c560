import type { Bundle, CodeableConcept, DetectedIssue, Device, Extension, Patient, Practitioner, PractitionerRole, Reference } from '@medplum/fhirtypes';
import type { Finding, Report, Severity } from '../types.js';
import { stableUuid, URN } from './ids.js';

export interface FhirOptions {
  /** The patient (the client) the issues are about. */
  readonly patient?: Reference<Patient>;
  /** Who or what identified them: the clinician, their role, or the device running the checks. */
  readonly author?: Reference<Practitioner | PractitionerRole | Device>;
}

/** critical and high → high, moderate → moderate, low → low. */
export const FHIR_SEVERITY: Readonly<Record<Severity, 'high' | 'moderate' | 'low'>> = {
  critical: 'high',
  high: 'high',
  moderate: 'moderate',
  low: 'low',
};

function codeOf(finding: Finding, report: Report): CodeableConcept {
  return {
    coding: [
      { system: `${URN}:rule`, code: finding.ruleId, display: finding.title },
      { system: `${URN}:ruleset`, code: `${report.ruleset.name}@${report.ruleset.version}`, display: report.ruleset.hash },
    ],
    text: finding.title,
  };
}

function extensionsOf(finding: Finding, report: Report): Extension[] {
  return [
    { url: `${URN}:extension:severity`, valueCode: finding.severity },
    { url: `${URN}:extension:family`, valueCode: finding.family },
    { url: `${URN}:extension:ruleset-hash`, valueString: report.ruleset.hash },
    ...(finding.referral ? [{ url: `${URN}:extension:referral-urgency`, valueCode: finding.referral.urgency }] : []),
    ...finding.citations.map((c) => ({
      url: `${URN}:extension:citation`,
      extension: [
        { url: 'code', valueCode: c.code },
        { url: 'edition', valueString: c.edition },
        { url: 'section', valueString: c.section },
        { url: 'title', valueString: c.title },
        ...(c.url ? [{ url: 'url', valueUri: c.url }] : []),
        ...(c.confidence ? [{ url: 'confidence', valueCode: c.confidence }] : []),
        ...(c.binding !== undefined ? [{ url: 'binding', valueBoolean: c.binding }] : []),
      ],
    })),
  ];
}

/** One FHIR R4 DetectedIssue per finding, in the report's order. */
export function toDetectedIssues(report: Report, options: FhirOptions = {}): DetectedIssue[] {
  return report.findings.map((finding) => {
    const url = finding.citations.find((c) => c.url)?.url;
    const issue: DetectedIssue = {
      resourceType: 'DetectedIssue',
      id: stableUuid(report.scenarioId ?? '', finding.ruleId, finding.subject ?? ''),
      extension: extensionsOf(finding, report),
      status: 'final',
      code: codeOf(finding, report),
      severity: FHIR_SEVERITY[finding.severity],
      ...(options.patient ? { patient: options.patient } : {}),
      identifiedDateTime: report.asOf,
      ...(options.author ? { author: options.author } : {}),
      evidence: finding.evidence.map((e) => ({ code: [{ text: `${e.path} = ${JSON.stringify(e.value)}` }] })),
      detail: finding.rationale,
      ...(url ? { reference: url } : {}),
      mitigation: finding.recommendations.map((r) => ({ action: { coding: [{ system: `${URN}:mitigation`, code: 'recommended' }], text: r } })),
    };
    return issue;
  });
}

/** The DetectedIssues as a FHIR R4 collection Bundle. */
export function toFhirBundle(report: Report, options: FhirOptions = {}): Bundle<DetectedIssue> {
  const issues = toDetectedIssues(report, options);
  return {
    resourceType: 'Bundle',
    id: stableUuid('bundle', report.scenarioId ?? '', report.ruleset.hash, report.asOf),
    type: 'collection',
    entry: issues.map((resource) => ({ fullUrl: `urn:uuid:${resource.id as string}`, resource })),
  };
}
