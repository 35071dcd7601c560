/**
 * The command-line tool. The only module that reads files or touches the process; the library
 * entry does neither.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createChecker } from './checker.js';
import { ScenarioError } from './errors.js';
import { formatReport } from './format.js';
import { SEVERITIES, severityRank, type Report, type Severity } from './types.js';
import { BUILTIN_PACK_SOURCE } from './generated/builtin-pack.js';

const HELP = `therapeutic-boundaries — check a therapist–client scenario against cited ethics rules

Usage:
  therapeutic-boundaries check <file|-> [options]

Reads one scenario (JSON) from a file, or from standard input with "-", and prints its findings.

Options:
  --format text|json     output format (default: text)
  --as-of DATE           judge the scenario at this date (YYYY-MM-DD), overriding its asOf
  --fail-on SEVERITY     exit 1 if any finding is at or above: ${SEVERITIES.join(', ')}
  --no-color             no colours in text output (also when NO_COLOR is set or output is not a terminal)
  -h, --help             show this help
  -v, --version          show the ruleset version

Exit codes:
  0  no finding at or above --fail-on (or --fail-on not given)
  1  a finding at or above --fail-on
  2  bad usage, unreadable input, or a scenario that does not meet the contract
`;

class UsageError extends Error {}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : file}: ${(error as Error).message}`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file === '-' ? 'standard input' : file} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function main(argv: readonly string[], io = { out: process.stdout, err: process.stderr, env: process.env }): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'as-of': { type: 'string' },
        'fail-on': { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.err.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.out.write(HELP);
    return 0;
  }
  if (values.version) {
    const pack = BUILTIN_PACK_SOURCE;
    io.out.write(`${pack.name}@${pack.version}\n`);
    return 0;
  }
  try {
    const [command, file, ...rest] = positionals;
    if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    if (file === undefined) throw new UsageError('check needs a scenario file, or - for standard input');
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
    const failOn = values['fail-on'];
    if (failOn !== undefined && !(SEVERITIES as readonly string[]).includes(failOn)) {
      throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${failOn}"`);
    }
    let scenario = parseJson(readInput(file), file);
    if (values['as-of'] !== undefined && typeof scenario === 'object' && scenario !== null) {
      scenario = { ...scenario, asOf: values['as-of'] };
    }
    const report: Report = await createChecker().check(scenario);
    if (values.format === 'json') io.out.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      const color = !values['no-color'] && !('NO_COLOR' in io.env) && Boolean((io.out as { isTTY?: boolean }).isTTY);
      io.out.write(`${formatReport(report, { color })}\n`);
    }
    if (failOn === undefined) return 0;
    const limit = severityRank(failOn as Severity);
    return report.findings.some((f) => severityRank(f.severity) <= limit) ? 1 : 0;
  } catch (error) {
    if (error instanceof ScenarioError) {
      io.err.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.err.write(`${error.message}\n\nRun with --help for usage.\n`);
      return 2;
    }
    throw error;
  }
}
