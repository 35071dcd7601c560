import { isFactRef } from './conditions.js';
import type { ExplainNode, Explanation } from './explain.js';
import type { Finding, Report, Severity } from './types.js';

export interface FormatOptions {
  /** ANSI colours for the severities (for terminals). Default: false. */
  readonly color?: boolean;
  /** Wrap text at this width. Default: 100. */
  readonly width?: number;
}

const COLORS: Record<Severity, string> = { critical: '\x1b[1;31m', high: '\x1b[31m', moderate: '\x1b[33m', low: '\x1b[36m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function citationLine(f: Finding): string[] {
  return f.citations.map((c) => {
    const marks = [c.binding === false ? 'guidance, not binding' : '', c.confidence && c.confidence !== 'confirmed' ? `${c.confidence} citation` : '']
      .filter(Boolean)
      .join('; ');
    return `${c.code.toUpperCase()} (${c.edition}) ${c.section} ${c.title}${marks ? ` [${marks}]` : ''}${c.url ? ` <${c.url}>` : ''}`;
  });
}

/** A report as readable text, for a person at a terminal or in a log. */
export function formatReport(report: Report, options: FormatOptions = {}): string {
  const width = options.width ?? 100;
  const paint = (s: Severity, text: string) => (options.color ? `${COLORS[s]}${text}${RESET}` : text);
  const dim = (text: string) => (options.color ? `${DIM}${text}${RESET}` : text);
  const out: string[] = [];
  const head = report.scenarioId ? `Scenario ${report.scenarioId}` : 'Scenario';
  out.push(`${head}, judged at ${report.asOf} under ${report.codes.join(', ')}`);
  out.push(dim(`Ruleset ${report.ruleset.name}@${report.ruleset.version} (${report.ruleset.hash.slice(0, 19)}…), ${report.rulesEvaluated} rules evaluated`));
  out.push('');
  if (report.findings.length === 0) out.push('No findings.');
  else out.push(`${report.findings.length} ${report.findings.length === 1 ? 'finding' : 'findings'}, highest severity: ${report.highestSeverity}`);
  for (const f of report.findings) {
    out.push('');
    const urgency = f.referral ? ` — ${f.referral.urgency} referral` : '';
    out.push(`${paint(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.title}${urgency}`);
    out.push(dim(`         ${f.ruleId}${f.subject ? ` (${f.subject})` : ''}`));
    out.push(wrap(f.rationale, width, '         '));
    out.push('         Cites:');
    for (const line of citationLine(f)) out.push(wrap(line, width, '           - ').replace(/\n {11}- /g, '\n             '));
    out.push('         Recommended:');
    for (const r of f.recommendations) out.push(wrap(r, width, '           - ').replace(/\n {11}- /g, '\n             '));
  }
  if (report.undetermined.length > 0) {
    out.push('');
    out.push(`Could not decide ${report.undetermined.length} ${report.undetermined.length === 1 ? 'rule' : 'rules'} for lack of facts:`);
    for (const u of report.undetermined) out.push(`  - ${u.ruleId}: needs ${u.missing.join(', ')}`);
  }
  return out.join('\n');
}

const MARK: Record<string, string> = { true: '✓', false: '✗', undetermined: '?' };

function show(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

/** An explanation as an indented tree, for a terminal. */
export function formatExplanation(explanation: Explanation, options: FormatOptions = {}): string {
  const paint = (result: string, text: string) =>
    options.color ? `${result === 'true' ? '\x1b[32m' : result === 'false' ? '\x1b[31m' : '\x1b[33m'}${text}${RESET}` : text;
  const out: string[] = [];
  out.push(`${explanation.ruleId} — ${explanation.title}`);
  out.push(`Judged at ${explanation.asOf} under ${explanation.codes.join(', ')}: ${explanation.outcome}${explanation.reason ? ` (${explanation.reason})` : ''}`);
  const walk = (node: ExplainNode, depth: number) => {
    const pad = '  '.repeat(depth);
    if (node.kind === 'leaf') {
      const where = node.paths.length > 0 ? ` [${node.paths.join(', ')}]` : '';
      const expected =
        isFactRef(node.expected)
          ? `${node.expected.fact} = ${show(node.expectedValue)}`
          : show(node.expected);
      out.push(`${pad}${paint(node.result, MARK[node.result] ?? '?')} ${node.fact} = ${show(node.value)}${where} ${node.operator} ${expected}`);
      return;
    }
    out.push(`${pad}${paint(node.result, MARK[node.result] ?? '?')} ${node.kind}`);
    for (const child of node.children) walk(child, depth + 1);
  };
  for (const e of explanation.evaluations) {
    out.push('');
    const scope = [e.subject, e.code ? `under ${e.code}` : ''].filter(Boolean).join(' ');
    out.push(`${scope || 'scenario'}: ${paint(e.result, e.result)}`);
    walk(e.conditions, 1);
  }
  for (const f of explanation.findings) {
    out.push('');
    out.push(`Finding (${f.severity}): ${f.rationale}`);
  }
  return out.join('\n');
}
