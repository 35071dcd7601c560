import type { CodeId } from './scenario.js';

export const SEVERITIES = ['critical', 'high', 'moderate', 'low'] as const;
/**
 * - critical: an applicable code prohibits it outright, or someone is in imminent danger.
 * - high: likely violation or harm unless specific conditions hold; act now.
 * - moderate: a boundary crossing that is acceptable only with safeguards.
 * - low: information and good practice.
 */
export type Severity = (typeof SEVERITIES)[number];

export const FAMILIES = ['dual-relationship', 'advice-limit', 'referral-trigger'] as const;
export type Family = (typeof FAMILIES)[number];

export const URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** 0 for critical … 3 for low: lower is more severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export interface Citation {
  /** An ethics code id, or another authority's id (a statute, a standard, a case). */
  readonly code: CodeId | (string & {});
  readonly edition: string;
  readonly section: string;
  readonly title: string;
  readonly url?: string;
  /** How sure we are of the section's wording. */
  readonly confidence?: 'confirmed' | 'secondary' | 'unconfirmed';
  /** false: cited as guidance, not as a code the professional is bound by. */
  readonly binding?: boolean;
}

export interface Evidence {
  readonly path: string;
  readonly value: unknown;
}

export interface Finding {
  /** Stable, e.g. "dual-relationship/romantic-current-client". */
  readonly ruleId: string;
  readonly family: Family;
  readonly severity: Severity;
  /** One line, at most 140 characters. */
  readonly title: string;
  /** Why, in plain language, with this scenario's facts filled in. */
  readonly rationale: string;
  readonly citations: readonly Citation[];
  readonly recommendations: readonly string[];
  /** The scenario facts that made the rule fire. */
  readonly evidence: readonly Evidence[];
  /** On referral triggers. */
  readonly referral?: { readonly urgency: Urgency };
  /** The list item the finding is about (`relationships.0`), for rules judged per item. */
  readonly subject?: string;
}

export interface Undetermined {
  readonly ruleId: string;
  /** The scenario paths whose absence left the rule undecided. */
  readonly missing: readonly string[];
}

export interface Ruleset {
  readonly name: string;
  readonly version: string;
  /** `sha256:` and the hex digest of the canonical content of the rules and codes used. */
  readonly hash: string;
  /** When user packs are composed with the built-in rules: each pack's name and version, in order. */
  readonly packs?: readonly { readonly name: string; readonly version: string }[];
}

export interface Report {
  readonly scenarioId?: string;
  /** The date the scenario was judged at: its `asOf`, or today (UTC) when absent. */
  readonly asOf: string;
  /** The ethics codes applied. */
  readonly codes: readonly CodeId[];
  readonly ruleset: Ruleset;
  /** Most severe first, then by rule id, then by subject; stable. */
  readonly findings: readonly Finding[];
  /** Rules that could not be decided for lack of facts. */
  readonly undetermined: readonly Undetermined[];
  readonly highestSeverity: Severity | null;
  /** How many rules applied to the codes in force and were evaluated. */
  readonly rulesEvaluated: number;
}
