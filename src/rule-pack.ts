import { z } from 'zod';
import { CODE_FACTS, CodeFileSchema, type CodeFile } from './codes.js';
import { OPERATORS, factsOf, isFactRef, type Condition, type Operator } from './conditions.js';
import { dotPath, RulePackError, type Issue } from './errors.js';
import { FACTS, SUBJECTS, factVisible, type FactType, type Subject } from './facts.js';
import { sha256Hex, canonicalJson } from './hash.js';
import { CODE_IDS, type CodeId } from './scenario.js';
import { parseTemplate, templateNames, type TemplatePart } from './template.js';
import { FAMILIES, SEVERITIES, URGENCIES, type Citation, type Family, type Severity, type Urgency } from './types.js';

/** A problem in a rule pack: the file, the rule (when known) and the path inside the file. */
export interface RulePackIssue extends Issue {
  readonly file: string;
  readonly rule?: string;
}

const CitationRef = z.strictObject({
  code: z.string().min(1),
  section: z.string().min(1),
});

/** The JSON form of one rule: what authors write, one file per rule under `rules/<family>/`. */
export const RuleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z-]+\/[a-z0-9]+(-[a-z0-9]+)*$/, 'must be "<family>/<kebab-case-name>"'),
  family: z.enum(FAMILIES),
  title: z.string().min(1).max(140),
  severity: z.enum(SEVERITIES),
  /** Severity under particular codes, where it differs from `severity`. */
  severityByCode: z.partialRecord(z.enum(CODE_IDS), z.enum(SEVERITIES)).optional(),
  /** What the rule is judged against: the whole scenario, or each item of a list. */
  subject: z.enum(SUBJECTS),
  /** The ethics codes the rule applies to (not on jurisdiction overlays, which apply by place). */
  codes: z.array(z.enum(CODE_IDS)).min(1).optional(),
  /** For a jurisdiction overlay: the ISO 3166-2 code of the place whose law the rule states. */
  jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be an ISO 3166-2 code such as "US-NY"').optional(),
  /** The sections of those codes (or, on an overlay, of that place's law) that back the rule. */
  citations: z.array(CitationRef).min(1).optional(),
  /** Other authorities, cited as non-binding guidance for applied codes with no section of their own here. */
  guidance: z.array(CitationRef).min(1).optional(),
  /** Every fact the conditions use. */
  requires: z.array(z.string().min(1)).min(1),
  conditions: z.unknown(),
  rationale: z.string().min(1),
  recommendations: z.array(z.string().min(1)).min(1),
  referral: z.strictObject({ urgency: z.enum(URGENCIES) }).optional(),
  /** In a user pack: the id of the rule (built-in or from an earlier pack) this one replaces. */
  overrides: z.string().min(1).optional(),
});
export type RuleFile = z.infer<typeof RuleFileSchema>;

/** A rule pack as JSON: its name and semver, its rule files, and code files. */
export interface RulePackSource {
  readonly name: string;
  readonly version: string;
  /** Rule files by path (or an array, whose indexes stand for paths). */
  readonly rules: Readonly<Record<string, unknown>> | readonly unknown[];
  /**
   * Code files by path (or an array). The built-in pack carries the whole registry; a user pack
   * may add codes or authorities of its own, and cites the built-in ones freely.
   */
  readonly codes?: Readonly<Record<string, unknown>> | readonly unknown[];
}

export interface CompiledRule {
  readonly id: string;
  readonly family: Family;
  readonly title: string;
  readonly severity: Severity;
  readonly severityByCode: Readonly<Partial<Record<CodeId, Severity>>>;
  readonly subject: Subject;
  /** The ethics codes the rule applies to; empty on a jurisdiction overlay. */
  readonly codes: readonly CodeId[];
  /** On a jurisdiction overlay: the place (ISO 3166-2) where it applies. */
  readonly jurisdiction?: string;
  /** Binding citations, by code id (on an overlay, by authority id). */
  readonly citationsByCode: ReadonlyMap<string, readonly Citation[]>;
  /** Non-binding citations, used for applied codes that have none of their own here. */
  readonly guidance: readonly Citation[];
  readonly requires: readonly string[];
  readonly conditions: Condition;
  /** Whether the conditions read `code.*` thresholds, so each applied code is judged separately. */
  readonly codeScoped: boolean;
  readonly rationale: readonly TemplatePart[];
  readonly recommendations: readonly string[];
  readonly referral?: { readonly urgency: Urgency };
  readonly file: string;
  readonly source: RuleFile;
}

export interface CompiledPack {
  readonly name: string;
  readonly version: string;
  readonly hash: string;
  /** The packs composed into this one, in order (the built-in pack first). */
  readonly packs: readonly { readonly name: string; readonly version: string }[];
  readonly rules: readonly CompiledRule[];
  readonly codes: ReadonlyMap<string, CodeFile>;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function entries(files: RulePackSource['rules'], label: string): [string, unknown][] {
  if (Array.isArray(files)) return files.map((f, i) => [`${label}.${i}`, f]);
  return Object.entries(files as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function zodIssues(error: z.ZodError, file: string, rule?: string): RulePackIssue[] {
  return error.issues.flatMap((i): RulePackIssue[] => {
    const base = rule === undefined ? { file } : { file, rule };
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => ({ ...base, path: dotPath([...i.path, k]), message: 'is not a known field' }));
    }
    if (i.code === 'invalid_value') {
      return [{ ...base, path: dotPath(i.path), message: `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}` }];
    }
    return [{ ...base, path: dotPath(i.path), message: i.message }];
  });
}

function typeName(t: FactType): string {
  switch (t.kind) {
    case 'enum':
      return `one of ${t.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'list':
      return t.of ? `a list of ${t.of.map((v) => JSON.stringify(v)).join(', ')}` : 'a list of strings';
    default:
      return `a ${t.kind}`;
  }
}

/** Whether `value` is a possible value of a fact of type `t` (a scalar; lists hold their item type). */
function fits(t: FactType, value: unknown): boolean {
  switch (t.kind) {
    case 'enum':
      return typeof value === 'string' && t.values.includes(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
    case 'string':
      return typeof value === 'string';
    case 'list':
      return false;
  }
}

function itemType(t: FactType): FactType {
  return t.kind === 'list' ? (t.of ? { kind: 'enum', values: t.of } : { kind: 'string' }) : t;
}

const NUMERIC: readonly Operator[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const LIST_OPS: readonly Operator[] = ['contains', 'doesNotContain'];
const SET_OPS: readonly Operator[] = ['in', 'notIn'];

/** Checks a condition tree against the fact catalog; pushes an issue per problem. */
function checkCondition(
  node: unknown,
  path: (string | number)[],
  subject: Subject,
  report: (path: (string | number)[], message: string) => void,
): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    report(path, 'must be a condition object: { all }, { any }, { not } or { fact, operator, value }');
    return;
  }
  const n = node as Record<string, unknown>;
  const keys = Object.keys(n);
  const groups = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
  if (groups.length > 0) {
    if (keys.length !== 1) {
      report(path, `a group has exactly one of all, any or not, and nothing else (found ${keys.join(', ')})`);
      return;
    }
    const g = groups[0] as 'all' | 'any' | 'not';
    if (g === 'not') return checkCondition(n['not'], [...path, 'not'], subject, report);
    const list = n[g];
    if (!Array.isArray(list) || list.length === 0) {
      report([...path, g], 'must be a non-empty array of conditions');
      return;
    }
    list.forEach((c, i) => checkCondition(c, [...path, g, i], subject, report));
    return;
  }
  for (const k of keys) {
    if (!['fact', 'operator', 'value'].includes(k)) {
      report([...path, k], k === 'path' || k === 'params' || k === 'priority' ? `is not supported in rule packs` : 'is not a known field');
    }
  }
  const fact = n['fact'];
  const operator = n['operator'];
  if (typeof fact !== 'string') return report([...path, 'fact'], 'is required (a fact name)');
  if (typeof operator !== 'string') return report([...path, 'operator'], 'is required');
  if (!('value' in n)) return report([...path, 'value'], 'is required');
  const left = factType(fact, subject);
  if (typeof left === 'string') return report([...path, 'fact'], left);
  if (!(OPERATORS as readonly string[]).includes(operator)) {
    return report([...path, 'operator'], `unknown operator "${operator}"; use one of ${OPERATORS.join(', ')}`);
  }
  const op = operator as Operator;
  const value = n['value'];
  let right: FactType | undefined;
  if (isFactRef(value)) {
    const extra = Object.keys(value).filter((k) => k !== 'fact');
    if (extra.length > 0) return report([...path, 'value', extra[0] ?? ''], 'is not supported in rule packs');
    const t = factType(value.fact, subject);
    if (typeof t === 'string') return report([...path, 'value', 'fact'], t);
    right = t;
  }
  const where = [...path, 'value'];
  if (NUMERIC.includes(op)) {
    if (left.kind !== 'number') return report([...path, 'operator'], `"${op}" compares numbers, but ${fact} is ${typeName(left)}`);
    if (right ? right.kind !== 'number' : !fits(left, value)) return report(where, 'must be a number or a numeric fact');
  } else if (LIST_OPS.includes(op)) {
    if (left.kind !== 'list') return report([...path, 'operator'], `"${op}" needs a list fact, but ${fact} is ${typeName(left)}`);
    if (right ? right.kind === 'list' : !fits(itemType(left), value)) {
      return report(where, `must be ${typeName(itemType(left))}`);
    }
  } else if (SET_OPS.includes(op)) {
    if (left.kind === 'list') return report([...path, 'operator'], `"${op}" needs a single-valued fact; ${fact} is a list (use contains)`);
    if (right) {
      if (right.kind !== 'list') return report(where, `must name a list fact`);
    } else if (!Array.isArray(value) || value.length === 0) {
      return report(where, 'must be a non-empty array');
    } else {
      value.forEach((v, i) => {
        if (!fits(left, v)) report([...where, i], `must be ${typeName(left)}`);
      });
    }
  } else {
    if (left.kind === 'list') return report([...path, 'operator'], `"${op}" needs a single-valued fact; ${fact} is a list (use contains)`);
    if (right ? right.kind !== left.kind : !fits(left, value)) return report(where, `must be ${typeName(left)}`);
  }
}

function factType(name: string, subject: Subject): FactType | string {
  const codeFact = CODE_FACTS.get(name);
  if (codeFact) return codeFact.type;
  const fact = FACTS.get(name);
  if (!fact) return `unknown fact "${name}"`;
  if (!factVisible(fact, subject)) return `fact "${name}" belongs to rules on ${fact.subject}, not on ${subject}`;
  return fact.type;
}

const CODE_SCOPE_NAMES = new Set(['code.short', 'code.name', 'code.edition', 'code.sections']);

/**
 * Validates a self-contained pack (one that carries its whole codes registry, as the built-in pack
 * does) and returns its issues. Never throws on bad input. User packs: see `validateRulePack`.
 */
export function validatePackSource(source: unknown): RulePackIssue[] {
  const result = compile(source);
  return 'issues' in result ? result.issues : [];
}

/** Validates and compiles a rule pack; throws `RulePackError` naming every problem. */
export function loadRulePack(source: unknown): CompiledPack {
  const result = compile(source);
  if ('issues' in result) throw new RulePackError(result.issues);
  return result.pack;
}

/** How a checker's rules are composed from the built-in pack and the user's. */
export interface ComposeOptions {
  /** User rule packs, added to the built-in rules (a rule replaces another only with `overrides`). */
  readonly packs?: readonly unknown[];
  /** User jurisdiction overlays: packs whose every rule carries a `jurisdiction`. They only add findings. */
  readonly overlays?: readonly unknown[];
  /** Rule ids to leave out. */
  readonly disable?: readonly string[];
  /** A severity per rule id, replacing the rule's own (for every code). */
  readonly severity?: Readonly<Record<string, Severity>>;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Composes the base pack with user packs, overlays and policy options; issues name file and path. */
export function composePacks(base: CompiledPack, options: ComposeOptions): { pack: CompiledPack } | { issues: RulePackIssue[] } {
  const issues: RulePackIssue[] = [];
  const rules = new Map(base.rules.map((r) => [r.id, r]));
  const codes = new Map(base.codes);
  const packs = [...base.packs];
  const sources = [
    ...(options.packs ?? []).map((p, i) => ({ p, label: `packs.${i}`, overlay: false })),
    ...(options.overlays ?? []).map((p, i) => ({ p, label: `overlays.${i}`, overlay: true })),
  ];
  for (const { p, label, overlay } of sources) {
    const result = compile(p, codes, label);
    if ('issues' in result) {
      issues.push(...result.issues);
      continue;
    }
    const user = result.pack;
    for (const [id, code] of user.codes) if (!codes.has(id)) codes.set(id, code);
    packs.push({ name: user.name, version: user.version });
    for (const rule of user.rules) {
      const at = (path: string, message: string) => issues.push({ file: rule.file, rule: rule.id, path, message });
      const target = rule.source.overrides;
      if (overlay && rule.jurisdiction === undefined) at('jurisdiction', 'is required: every rule in an overlay states the law of one place');
      if (overlay && target !== undefined) at('overrides', 'an overlay only adds findings; it cannot replace a rule');
      if (target !== undefined) {
        if (!rules.has(target)) at('overrides', `names no existing rule "${target}"`);
        else rules.delete(target);
      }
      if (rules.has(rule.id)) {
        at('id', `"${rule.id}" is already a rule; give it another id, or say "overrides": "${rule.id}" to replace it`);
        continue;
      }
      rules.set(rule.id, rule);
    }
  }
  (options.disable ?? []).forEach((id, i) => {
    if (!rules.delete(id)) issues.push({ file: '(options)', path: `disable.${i}`, message: `no rule "${id}" to disable` });
  });
  for (const [id, severity] of Object.entries(options.severity ?? {})) {
    const rule = rules.get(id);
    if (!rule) issues.push({ file: '(options)', path: `severity.${id}`, message: `no rule "${id}"` });
    else if (!(SEVERITIES as readonly string[]).includes(severity)) {
      issues.push({ file: '(options)', path: `severity.${id}`, message: `must be one of ${SEVERITIES.join(', ')}` });
    } else {
      const { severityByCode: _dropped, ...source } = rule.source;
      rules.set(id, { ...rule, severity, severityByCode: {}, source: { ...source, severity } });
    }
  }
  if (issues.length > 0) return { issues };
  const composed = packs.length === 1 ? base : { name: packs.map((p) => p.name).join(' + '), version: packs.map((p) => p.version).join(' + ') };
  return { pack: buildPack(composed.name, composed.version, [...rules.values()].sort(byId), codes, packs) };
}

function compile(input: unknown, baseCodes?: ReadonlyMap<string, CodeFile>, label?: string): { pack: CompiledPack } | { issues: RulePackIssue[] } {
  const issues: RulePackIssue[] = [];
  const PackMeta = z.strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    version: z.string().regex(SEMVER, 'must be a semantic version such as 1.2.0'),
    description: z.string().optional(),
    rules: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]),
    codes: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  });
  const meta = PackMeta.safeParse(input);
  if (!meta.success) return { issues: zodIssues(meta.error, label ?? '(pack)') };
  const source = meta.data;
  const fileOf = (file: string) => (label !== undefined && /^(rules|codes)\.\d+$/.test(file) ? `${label}.${file}` : file);

  // The codes registry: the base registry, plus the pack's own.
  const codes = new Map<string, CodeFile>(baseCodes ?? []);
  for (const [rawFile, raw] of entries(source.codes ?? [], 'codes')) {
    const file = fileOf(rawFile);
    const parsed = CodeFileSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, file));
      continue;
    }
    const code = parsed.data;
    if (codes.has(code.id)) issues.push({ file, path: 'id', message: `duplicate code id "${code.id}"${baseCodes?.has(code.id) ? ' (a built-in code)' : ''}` });
    if (code.kind === 'ethics-code' && !(CODE_IDS as readonly string[]).includes(code.id)) {
      issues.push({ file, path: 'id', message: `"${code.id}" is not one of the contract's code ids (${CODE_IDS.join(', ')})` });
    }
    codes.set(code.id, code);
  }

  const rules: CompiledRule[] = [];
  const seen = new Map<string, string>();
  for (const [rawFile, raw] of entries(source.rules, 'rules')) {
    const file = fileOf(rawFile);
    const ruleId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    const parsed = RuleFileSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, file, ruleId));
      continue;
    }
    const rule = parsed.data;
    const before = issues.length;
    const report = (path: (string | number)[], message: string) => issues.push({ file, rule: rule.id, path: dotPath(path), message });

    if (!rule.id.startsWith(`${rule.family}/`)) report(['id'], `must start with its family, "${rule.family}/"`);
    if (rule.overrides !== undefined && baseCodes === undefined) report(['overrides'], 'only a pack added to the built-in rules can override a rule');
    const other = seen.get(rule.id);
    if (other !== undefined) report(['id'], `duplicate rule id "${rule.id}" (also in ${other})`);
    seen.set(rule.id, file);

    // Conditions: shape, facts, operators and values.
    checkCondition(rule.conditions, ['conditions'], rule.subject, report);
    const conditionsOk = issues.length === before;
    const used = conditionsOk ? factsOf(rule.conditions as Condition) : new Set<string>();
    if (conditionsOk) {
      for (const f of used) if (!rule.requires.includes(f)) report(['requires'], `does not list "${f}", which the conditions use`);
      rule.requires.forEach((f, i) => {
        if (!used.has(f)) report(['requires', i], `"${f}" is not used by the conditions`);
      });
    }
    const codeScoped = [...used].some((f) => CODE_FACTS.has(f));

    // Codes and citations.
    const ruleCodes = rule.codes ?? [];
    const citationRefs = rule.citations ?? [];
    const codeSet = new Set<string>(ruleCodes);
    if (codeSet.size !== ruleCodes.length) report(['codes'], 'lists a code twice');
    if (rule.jurisdiction !== undefined) {
      if (rule.codes) report(['codes'], 'a jurisdiction overlay applies by place, not by code: leave codes out');
      if (rule.guidance) report(['guidance'], 'a jurisdiction overlay cites the place\u2019s own law, not guidance');
      if (rule.severityByCode) report(['severityByCode'], 'a jurisdiction overlay has one severity');
      if (!rule.citations) report(['citations'], 'is required on a jurisdiction overlay');
      citationRefs.forEach((ref, i) => {
        if (codes.get(ref.code)?.kind === 'ethics-code') report(['citations', i, 'code'], 'an overlay cites the place\u2019s law, not an ethics code');
        codeSet.add(ref.code);
      });
    } else {
      if (!rule.codes) report(['codes'], 'is required (the ethics codes the rule applies to)');
      if (!rule.citations && !rule.guidance) report(['citations'], 'is required: a rule must cite its authority');
    }
    const resolve = (ref: { code: string; section: string }, at: (string | number)[], binding: boolean): Citation | undefined => {
      const code = codes.get(ref.code);
      if (!code) {
        report([...at, 'code'], `no code "${ref.code}" in the codes registry`);
        return undefined;
      }
      const section = code.sections[ref.section];
      if (!section) {
        report([...at, 'section'], `no section "${ref.section}" in the ${code.short} registry (${Object.keys(code.sections).join(', ')})`);
        return undefined;
      }
      return {
        code: code.id,
        edition: code.edition,
        section: ref.section,
        title: section.title,
        ...(section.url ?? code.url ? { url: (section.url ?? code.url) as string } : {}),
        confidence: section.confidence,
        binding,
      };
    };
    const citationsByCode = new Map<string, Citation[]>();
    citationRefs.forEach((ref, i) => {
      if (!codeSet.has(ref.code)) {
        report(['citations', i, 'code'], `cites "${ref.code}", which is not in the rule's codes (${ruleCodes.join(', ')})`);
        return;
      }
      const c = resolve(ref, ['citations', i], true);
      if (c) citationsByCode.set(c.code, [...(citationsByCode.get(c.code) ?? []), c]);
    });
    const guidance = (rule.guidance ?? []).flatMap((ref, i) => resolve(ref, ['guidance', i], false) ?? []);
    for (const code of ruleCodes) {
      const own = citationsByCode.get(code);
      if (!own) {
        if (!rule.guidance) report(['codes'], `"${code}" has no citation in this rule, and the rule gives no guidance citation`);
        continue;
      }
      if (own.every((c) => c.confidence === 'unconfirmed')) {
        report(['citations'], `rests on unconfirmed citations alone for "${code}"`);
      }
    }
    if (guidance.length > 0 && guidance.every((c) => c.confidence === 'unconfirmed')) {
      report(['guidance'], 'rests on unconfirmed citations alone');
    }
    for (const code of Object.keys(rule.severityByCode ?? {})) {
      if (!codeSet.has(code as CodeId)) report(['severityByCode', code], 'names a code the rule does not apply to');
    }
    if (rule.referral && rule.family !== 'referral-trigger') report(['referral'], 'is only for referral-trigger rules');
    if (codeScoped && rule.guidance) report(['guidance'], 'a rule that reads code thresholds cannot fall back on guidance');

    // The rationale template.
    const template = parseTemplate(rule.rationale);
    template.issues.forEach((t) => report(['rationale'], t.message));
    const names = templateNames(template.parts);
    for (const name of names.outer) {
      if (name === 'citations') continue;
      const t = FACTS.get(name);
      if (!t || !factVisible(t, rule.subject)) report(['rationale'], `unknown placeholder {{${name}}}`);
    }
    for (const name of names.inCodes) {
      if (CODE_SCOPE_NAMES.has(name) || CODE_FACTS.has(name)) continue;
      const t = FACTS.get(name);
      if (!t || !factVisible(t, rule.subject)) report(['rationale'], `unknown placeholder {{${name}}} in {{#codes}}`);
    }

    if (issues.length > before) continue;
    rules.push({
      id: rule.id,
      family: rule.family,
      title: rule.title,
      severity: rule.severity,
      severityByCode: rule.severityByCode ?? {},
      subject: rule.subject,
      codes: ruleCodes,
      ...(rule.jurisdiction !== undefined ? { jurisdiction: rule.jurisdiction } : {}),
      citationsByCode,
      guidance,
      requires: rule.requires,
      conditions: rule.conditions as Condition,
      codeScoped,
      rationale: template.parts,
      recommendations: rule.recommendations,
      ...(rule.referral ? { referral: rule.referral } : {}),
      file,
      source: rule,
    });
  }
  if (issues.length > 0) return { issues };
  rules.sort(byId);
  const ownCodes = baseCodes ? new Map([...codes].filter(([id]) => !baseCodes.has(id))) : codes;
  return { pack: buildPack(source.name, source.version, rules, ownCodes, [{ name: source.name, version: source.version }]) };
}

/** The pack with its content hash: SHA-256 over the canonical JSON of its rules and codes. */
export function buildPack(
  name: string,
  version: string,
  rules: readonly CompiledRule[],
  codes: ReadonlyMap<string, CodeFile>,
  packs: readonly { name: string; version: string }[],
): CompiledPack {
  const content = canonicalJson({
    name,
    version,
    rules: rules.map((r) => r.source),
    codes: [...codes.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  });
  return { name, version, hash: `sha256:${sha256Hex(content)}`, packs, rules, codes };
}
