export { check, createChecker, explain, validateRulePack } from './checker.js';
export type { Checker, CheckerOptions, CheckOptions, RuleSummary } from './checker.js';
export type { Explanation, ExplainNode, ExplainLeaf, ExplainGroup, ExplainResult } from './explain.js';
export type { ComposeOptions } from './rule-pack.js';
export { parseScenario, ScenarioSchema } from './scenario.js';
export type {
  Scenario, Profession, CodeId, Professional, Client, Care, Relationship, Gift, Barter, Advice, Conduct, Referral,
} from './scenario.js';
export { ScenarioError, RulePackError, RuleNotFoundError } from './errors.js';
export type { Issue } from './errors.js';
export { RuleFileSchema } from './rule-pack.js';
export type { RuleFile, RulePackIssue, RulePackSource } from './rule-pack.js';
export { formatReport, formatExplanation } from './format.js';
export type { FormatOptions } from './format.js';
export { SEVERITIES, FAMILIES } from './types.js';
export type { Report, Finding, Citation, Evidence, Severity, Family, Ruleset, Undetermined, Urgency } from './types.js';
export { toDetectedIssues, toFhirBundle, FHIR_SEVERITY } from './adapters/fhir.js';
export type { FhirOptions } from './adapters/fhir.js';
export { toCdsHooksCards, cdsServiceDefinition, CDS_INDICATOR, OVERRIDE_REASONS } from './adapters/cds-hooks.js';
export type { CdsCard, CdsSuggestion, CdsServiceDefinition, CdsOptions } from './adapters/cds-hooks.js';
