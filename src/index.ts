export { check, createChecker, explain } from './checker.js';
export type { Checker, CheckerOptions, CheckOptions, RuleSummary } from './checker.js';
export type { Explanation, ExplainNode, ExplainLeaf, ExplainGroup, ExplainResult } from './explain.js';
export type { ComposeOptions } from './rule-pack.js';
export { parseScenario, ScenarioSchema } from './scenario.js';
export type {
  Scenario, Profession, CodeId, Professional, Client, Care, Relationship, Gift, Barter, Advice, Conduct, Referral,
} from './scenario.js';
export { ScenarioError, RulePackError, RuleNotFoundError } from './errors.js';
export type { Issue } from './errors.js';
export { validateRulePack, RuleFileSchema } from './rule-pack.js';
export type { RuleFile, RulePackIssue, RulePackSource } from './rule-pack.js';
export { formatReport, formatExplanation } from './format.js';
export type { FormatOptions } from './format.js';
export { SEVERITIES, FAMILIES } from './types.js';
export type { Report, Finding, Citation, Evidence, Severity, Family, Ruleset, Undetermined, Urgency } from './types.js';
