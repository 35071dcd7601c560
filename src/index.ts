export { check, createChecker } from './checker.js';
export type { Checker, CheckerOptions, CheckOptions } from './checker.js';
export { parseScenario, ScenarioSchema } from './scenario.js';
export type {
  Scenario, Profession, CodeId, Professional, Client, Care, Relationship, Gift, Barter, Advice, Conduct, Referral,
} from './scenario.js';
export { ScenarioError, RulePackError } from './errors.js';
export type { Issue } from './errors.js';
export { validateRulePack, RuleFileSchema } from './rule-pack.js';
export type { RuleFile, RulePackIssue, RulePackSource } from './rule-pack.js';
export { formatReport } from './format.js';
export { SEVERITIES, FAMILIES } from './types.js';
export type { Report, Finding, Citation, Evidence, Severity, Family, Ruleset, Undetermined, Urgency } from './types.js';
