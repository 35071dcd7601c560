/**
 * The command-line tool. With packs-io.ts, the only code that reads files or touches the process;
 * the library entry does neither.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createChecker, type Checker, type CheckerOptions } from './checker.js';
import { formatIssue, RuleNotFoundError, RulePackError, ScenarioError, type Issue } from './errors.js';
import { formatExplanation, formatReport } from './format.js';
import { readGoldenCases, readPack } from './packs-io.js';
import { CODE_IDS } from './scenario.js';
import { ruleCoverage, runGoldenCase, type GoldenCase } from './testing.js';
import { FAMILIES, SEVERITIES, severityRank, type Report, type Severity } from './types.js';

export interface CliIo {
  readonly out: NodeJS.WritableStream & { isTTY?: boolean };
  readonly err: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, read for "-". */
  readonly stdin?: () => string;
  /** Milliseconds, for batch progress. */
  readonly now?: () => number;
}

const EXIT = `Exit codes:
  0  success (for check: no finding at or above --fail-on)
  1  findings at or above --fail-on; failing golden cases; coverage below --threshold
  2  bad usage, unreadable input, an invalid scenario, or an invalid rule pack`;

const PACK_OPTIONS = `  --pack FILE|DIR        add a rule pack (repeatable); a rule replaces a built-in one only with "overrides"
  --overlay FILE|DIR     add a jurisdiction overlay pack (repeatable)`;

const HELP: Record<string, string> = {
  main: `therapeutic-boundaries — check therapist–client scenarios against cited ethics rules

Usage:
  therapeutic-boundaries check <file|-> [options]      findings for a scenario (JSON, or NDJSON: one per line)
  therapeutic-boundaries explain <file|-> <ruleId>     why a rule fired, stayed quiet, or could not decide
  therapeutic-boundaries test <dir|file> [options]     run golden test cases
  therapeutic-boundaries validate <pack>               check a rule pack
  therapeutic-boundaries rules [options]               list the rules

Run "therapeutic-boundaries <command> --help" for a command's options.

${EXIT}
`,
  check: `Usage: therapeutic-boundaries check <file|-> [options]

Reads one scenario (a JSON object), several (a JSON array, or NDJSON: one scenario per line) from a
file or from standard input ("-"), and prints a report for each.

Options:
  --format text|json     text for a person (default), or JSON (one report per line for several scenarios)
  --codes apa,aca        judge under these ethics codes instead of the profession's defaults
  --as-of DATE           judge at this date (YYYY-MM-DD), overriding each scenario's asOf
  --jurisdiction US-NY   judge in this jurisdiction (ISO 3166-2), switching on its overlay
  --fail-on SEVERITY     exit 1 if any finding is at or above: ${SEVERITIES.join(', ')}
${PACK_OPTIONS}
  --no-color             no colours (also when NO_COLOR is set or the output is not a terminal)

Batches that run longer than a second show progress on standard error.

${EXIT}
`,
  explain: `Usage: therapeutic-boundaries explain <file|-> <ruleId> [options]

Shows a rule's condition tree for a scenario: each fact, where it comes from, its value, the
operator, the expected value and the result.

Options:
  --format text|json     an indented tree (default), or JSON
  --codes, --as-of, --jurisdiction   as for check
${PACK_OPTIONS}
  --no-color             no colours

${EXIT}
`,
  test: `Usage: therapeutic-boundaries test <dir|file> [options]

Runs golden cases: JSON files { name, scenario, expect: { findings: [{ ruleId, severity }],
absent: [ruleId], undetermined: [ruleId] } }. A failing case prints what was expected and what the
report had.

Options:
  --coverage             print, per rule, whether some case fired it and some case kept it quiet
                         (the rules of --pack and --overlay files when given, else every rule)
  --threshold N          exit 1 when fewer than N% of those rules are covered both ways
  --format text|json
${PACK_OPTIONS}

${EXIT}
`,
  validate: `Usage: therapeutic-boundaries validate <pack> [--overlay]

Checks a rule pack (a JSON file, or a folder with pack.json) as it would be composed with the
built-in rules: schema, operators, facts, values, citations, ids and overrides. Prints each issue
with its file, rule and path.

Options:
  --overlay              validate it as a jurisdiction overlay

${EXIT}
`,
  rules: `Usage: therapeutic-boundaries rules [options]

Lists the rules.

Options:
  --family F             ${FAMILIES.join(', ')}
  --code C               only rules that apply under this code (${CODE_IDS.join(', ')})
  --format text|json
${PACK_OPTIONS}

${EXIT}
`,
};

class UsageError extends Error {}

const COMMON = {
  help: { type: 'boolean', short: 'h', default: false },
  format: { type: 'string', default: 'text' },
  pack: { type: 'string', multiple: true, default: [] },
  overlay: { type: 'string', multiple: true, default: [] },
  'no-color': { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

const SCENARIO_OPTIONS = {
  codes: { type: 'string' },
  'as-of': { type: 'string' },
  jurisdiction: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function issueLines(issues: readonly (Issue & { file?: string; rule?: string })[]): string {
  return issues.map((i) => `  ${formatIssue(i)}`).join('\n');
}

function format(value: string | undefined): 'text' | 'json' {
  if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be text or json, not "${String(value)}"`);
  return value;
}

function checkerFrom(values: { pack?: string[]; overlay?: string[] }, extra: CheckerOptions = {}): Checker {
  const packs = (values.pack ?? []).map(readPack);
  const overlays = (values.overlay ?? []).map(readPack);
  return createChecker({ ...extra, ...(packs.length > 0 ? { packs } : {}), ...(overlays.length > 0 ? { overlays } : {}) });
}

function readInput(file: string, io: CliIo): string {
  try {
    if (file === '-') return io.stdin ? io.stdin() : readFileSync(0, 'utf8');
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : file}: ${(error as Error).message}`);
  }
}

/** One scenario, a JSON array of them, or NDJSON (one per line). Returns each with its line number. */
function readScenarios(file: string, io: CliIo): { line: number; scenario: unknown }[] {
  const text = readInput(file, io);
  const name = file === '-' ? 'standard input' : file;
  try {
    const whole: unknown = JSON.parse(text);
    return Array.isArray(whole) ? whole.map((scenario, i) => ({ line: i + 1, scenario })) : [{ line: 1, scenario: whole }];
  } catch {
    // Not one JSON value: read it as NDJSON.
  }
  const out: { line: number; scenario: unknown }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      out.push({ line: i + 1, scenario: JSON.parse(raw) });
    } catch (error) {
      throw new UsageError(`${name} line ${i + 1} is not valid JSON: ${(error as Error).message}`);
    }
  });
  if (out.length === 0) throw new UsageError(`${name} holds no scenario`);
  return out;
}

function withOverrides(scenario: unknown, values: { codes?: string | undefined; 'as-of'?: string | undefined; jurisdiction?: string | undefined }): unknown {
  if (typeof scenario !== 'object' || scenario === null || Array.isArray(scenario)) return scenario;
  let s = scenario as Record<string, unknown>;
  if (values['as-of'] !== undefined) s = { ...s, asOf: values['as-of'] };
  if (values.jurisdiction !== undefined) s = { ...s, jurisdiction: values.jurisdiction };
  if (values.codes !== undefined) {
    const codes = values.codes.split(',').map((c) => c.trim()).filter(Boolean);
    const professional = typeof s['professional'] === 'object' && s['professional'] !== null ? (s['professional'] as object) : {};
    s = { ...s, professional: { ...professional, codes } };
  }
  return s;
}

const useColor = (values: { 'no-color'?: boolean }, io: CliIo) => !values['no-color'] && !('NO_COLOR' in io.env) && Boolean(io.out.isTTY);

async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { ...COMMON, ...SCENARIO_OPTIONS, 'fail-on': { type: 'string' } });
  if (values.help) return help('check', io);
  const fmt = format(values.format);
  const [file, ...rest] = positionals;
  if (file === undefined) throw new UsageError('check needs a scenario file, or - for standard input');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}"`);
  }
  const checker = checkerFrom(values);
  const items = readScenarios(file, io);
  const batch = items.length > 1;
  const now = io.now ?? (() => Date.now());
  const started = now();
  let lastProgress = started;
  let invalid = 0;
  let failing = false;
  const limit = failOn === undefined ? -1 : severityRank(failOn as Severity);
  for (const [index, { line, scenario }] of items.entries()) {
    let report: Report;
    try {
      report = await checker.check(withOverrides(scenario, values));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      invalid += 1;
      if (!batch) {
        io.err.write(`${error.message}\n`);
        return 2;
      }
      if (fmt === 'json') io.out.write(`${JSON.stringify({ line, error: { name: error.name, issues: error.issues } })}\n`);
      io.err.write(`line ${line}: invalid scenario\n${issueLines(error.issues)}\n`);
      continue;
    }
    if (report.findings.some((f) => severityRank(f.severity) <= limit)) failing = true;
    if (fmt === 'json') io.out.write(batch ? `${JSON.stringify(report)}\n` : `${JSON.stringify(report, null, 2)}\n`);
    else io.out.write(`${batch && index > 0 ? '\n' : ''}${formatReport(report, { color: useColor(values, io) })}\n`);
    const t = now();
    if (batch && t - started > 1000 && t - lastProgress >= 1000) {
      lastProgress = t;
      io.err.write(`checked ${index + 1} of ${items.length} scenarios\n`);
    }
  }
  if (batch && lastProgress !== started) io.err.write(`checked ${items.length} of ${items.length} scenarios\n`);
  if (invalid > 0) return 2;
  return failing ? 1 : 0;
}

async function runExplain(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { ...COMMON, ...SCENARIO_OPTIONS });
  if (values.help) return help('explain', io);
  const fmt = format(values.format);
  const [file, ruleId, ...rest] = positionals;
  if (file === undefined || ruleId === undefined) throw new UsageError('explain needs a scenario file (or -) and a rule id');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const items = readScenarios(file, io);
  if (items.length !== 1) throw new UsageError('explain takes one scenario');
  const explanation = checkerFrom(values).explain(withOverrides(items[0]?.scenario, values), ruleId);
  io.out.write(fmt === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : `${formatExplanation(explanation, { color: useColor(values, io) })}\n`);
  return 0;
}

function runTest(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parse(args, { ...COMMON, coverage: { type: 'boolean', default: false }, threshold: { type: 'string' } });
  if (values.help) return help('test', io);
  const fmt = format(values.format);
  const [path, ...rest] = positionals;
  if (path === undefined) throw new UsageError('test needs a folder (or file) of golden cases');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && (!Number.isFinite(threshold) || threshold < 0 || threshold > 100)) {
    throw new UsageError(`--threshold must be a percentage from 0 to 100, not "${String(values.threshold)}"`);
  }
  const checker = checkerFrom(values);
  let cases: { file: string; data: unknown }[];
  try {
    cases = readGoldenCases(path);
  } catch (error) {
    if (error instanceof RulePackError) throw new UsageError(error.message.replace('Invalid rule pack', 'Unreadable golden cases'));
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (cases.length === 0) throw new UsageError(`no golden cases (*.json) in ${path}`);
  const results = cases.map((c) => runGoldenCase(checker, c.data as GoldenCase, c.file));
  const failed = results.filter((r) => !r.passed);
  const userRules = new Set<string>();
  const userPacks = [...(values.pack ?? []), ...(values.overlay ?? [])];
  if (userPacks.length > 0) {
    const base = new Set(createChecker().rules.map((r) => r.id));
    for (const r of checker.rules) if (!base.has(r.id)) userRules.add(r.id);
  }
  const coverage = ruleCoverage(checker, cases.map((c) => c.data as GoldenCase), results);
  const scope = coverage.rules.filter((r) => userRules.size === 0 || userRules.has(r.ruleId));
  const percent = scope.length === 0 ? 100 : (100 * scope.filter((r) => r.fired && r.quiet).length) / scope.length;
  if (fmt === 'json') {
    io.out.write(`${JSON.stringify({ passed: results.length - failed.length, failed: failed.length, results: results.map(({ report: _r, ...rest }) => rest), coverage: { percent, rules: scope } }, null, 2)}\n`);
  } else {
    for (const r of results) {
      io.out.write(`${r.passed ? 'PASS' : 'FAIL'}  ${r.name}${r.file ? `  (${r.file})` : ''}\n`);
      if (!r.passed) io.out.write(`${r.diff.split('\n').map((l) => `      ${l}`).join('\n')}\n`);
    }
    if (values.coverage) {
      io.out.write(`\nCoverage (${userRules.size > 0 ? 'rules of the given packs' : 'all rules'}): fired / stayed quiet\n`);
      for (const r of scope) io.out.write(`  ${r.fired ? 'fired' : '-----'}  ${r.quiet ? 'quiet' : '-----'}  ${r.ruleId}\n`);
      io.out.write(`${percent.toFixed(1)}% of ${scope.length} rules covered both ways\n`);
    }
    io.out.write(`\n${results.length - failed.length} passed, ${failed.length} failed\n`);
  }
  if (failed.length > 0) return 1;
  if (threshold !== undefined && percent < threshold) {
    io.err.write(`coverage ${percent.toFixed(1)}% is below the threshold of ${threshold}%\n`);
    return 1;
  }
  return 0;
}

function runValidate(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parse(args, { help: { type: 'boolean', short: 'h', default: false }, overlay: { type: 'boolean', default: false } });
  if (values.help) return help('validate', io);
  const [path, ...rest] = positionals;
  if (path === undefined) throw new UsageError('validate needs a pack file or folder');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const pack = readPack(path);
  const checker = createChecker(values.overlay ? { overlays: [pack] } : { packs: [pack] });
  const added = checker.rules.length - createChecker().rules.length;
  io.out.write(`${path}: valid (${checker.ruleset.packs?.at(-1)?.name ?? ''}@${checker.ruleset.packs?.at(-1)?.version ?? ''}; ${added >= 0 ? `${added} rules added` : `${-added} fewer rules`})\n`);
  return 0;
}

function runRules(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parse(args, { ...COMMON, family: { type: 'string' }, code: { type: 'string' } });
  if (values.help) return help('rules', io);
  const fmt = format(values.format);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.family !== undefined && !(FAMILIES as readonly string[]).includes(values.family)) {
    throw new UsageError(`--family must be one of ${FAMILIES.join(', ')}`);
  }
  if (values.code !== undefined && !(CODE_IDS as readonly string[]).includes(values.code)) {
    throw new UsageError(`--code must be one of ${CODE_IDS.join(', ')}`);
  }
  const rules = checkerFrom(values).rules.filter(
    (r) => (values.family === undefined || r.family === values.family) && (values.code === undefined || r.codes.includes(values.code as never)),
  );
  if (fmt === 'json') io.out.write(`${JSON.stringify(rules, null, 2)}\n`);
  else {
    for (const r of rules) {
      const severity = values.code !== undefined ? (r.severityByCode[values.code as never] ?? r.severity) : r.severity;
      const cites = r.citations.filter((c) => values.code === undefined || c.code === values.code || c.binding === false);
      io.out.write(`${severity.padEnd(8)} ${r.id}${r.jurisdiction ? ` [${r.jurisdiction}]` : ''}\n         ${r.title}\n         ${cites.map((c) => `${c.code.toUpperCase()} ${c.section}`).join('; ')}\n`);
    }
    io.out.write(`${rules.length} rules\n`);
  }
  return 0;
}

function help(command: string, io: CliIo): number {
  io.out.write(HELP[command] ?? HELP['main'] ?? '');
  return 0;
}

/** Runs the command line; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = { out: process.stdout, err: process.stderr, env: process.env }): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(args, io);
      case 'explain':
        return await runExplain(args, io);
      case 'test':
        return runTest(args, io);
      case 'validate':
        return runValidate(args, io);
      case 'rules':
        return runRules(args, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        if (command === undefined) {
          io.err.write(HELP['main'] ?? '');
          return 2;
        }
        return help(args[0] ?? 'main', io);
      case '-v':
      case '--version':
        {
          const { name, version } = createChecker().ruleset;
          io.out.write(`${name}@${version}\n`);
        }
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof ScenarioError) {
      io.err.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof RulePackError) {
      io.err.write(`Invalid rule pack (${error.issues.length} ${error.issues.length === 1 ? 'issue' : 'issues'}):\n${issueLines(error.issues)}\n`);
      return 2;
    }
    if (error instanceof RuleNotFoundError || error instanceof UsageError) {
      io.err.write(`${error.message}\n\nRun with --help for usage.\n`);
      return 2;
    }
    throw error;
  }
}
