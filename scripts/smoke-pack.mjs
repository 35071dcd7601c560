// Installs the packed tarball into a fresh project, as a user would, and uses it with `import`,
// `require`, TypeScript and the CLI. Run after `npm run build`: `npm run test:pack`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'tb-pack-'));
const run = (cmd, args, cwd = work) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

try {
  run('npm', ['pack', '--silent', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
  run('npm', ['install', '--silent', '--no-audit', '--no-fund', join(work, tarball)]);

  const scenario = JSON.stringify({
    asOf: '2025-06-01',
    professional: { profession: 'counselor' },
    client: { status: 'former' },
    care: { endedOn: '2022-04-01' },
    relationships: [{ kind: 'romantic', with: 'client', timing: 'after', promisedDuringCare: false }],
  });
  const expectLine = 'critical dual-relationship/romance-former-client-within-window A.5.c';

  writeFileSync(join(work, 'esm.mjs'), `import { check, createChecker } from 'therapeutic-boundaries';
const r = await check(${scenario});
const s = createChecker().checkSync(${scenario});
if (JSON.stringify(r) !== JSON.stringify(s)) throw new Error('check and checkSync differ');
console.log(r.highestSeverity, r.findings[0].ruleId, r.findings[0].citations[0].section);
const t = await import('therapeutic-boundaries/testing');
t.expectFinding(s, 'dual-relationship/romance-former-client-within-window', { severity: 'critical' });
t.expectNoFinding(createChecker().checkSync(t.scenario('counselor').build()), 'dual-relationship/romance-current-client');
`);
  writeFileSync(join(work, 'cjs.cjs'), `const { check, ScenarioError } = require('therapeutic-boundaries');
check(${scenario}).then((r) => console.log(r.highestSeverity, r.findings[0].ruleId, r.findings[0].citations[0].section));
check({}).catch((e) => { if (!(e instanceof ScenarioError)) process.exit(1); });
const { scenario, runGoldenCase } = require('therapeutic-boundaries/testing');
const { createChecker } = require('therapeutic-boundaries');
const g = runGoldenCase(createChecker(), { name: 'clean', scenario: scenario('nurse').build(), expect: { findings: [], absent: [], exhaustive: true } });
if (!g.passed) { console.error(g.diff); process.exit(1); }
`);
  writeFileSync(join(work, 'typed.ts'), `import { check, type Report, type Scenario, ScenarioError } from 'therapeutic-boundaries';
import { scenario as build, expectFinding, type GoldenCase } from 'therapeutic-boundaries/testing';
const golden: GoldenCase = { name: 'x', scenario: build('counselor').build(), expect: { findings: [] } };
expectFinding(await check(golden.scenario), 'none');
const scenario: Scenario = ${scenario};
const report: Report = await check(scenario);
const severity: 'critical' | 'high' | 'moderate' | 'low' | null = report.highestSeverity;
const e: ScenarioError['issues'][number] = { path: 'asOf', message: 'x' };
// @ts-expect-error: an unknown profession is a type error
const bad: Scenario = { professional: { profession: 'astrologer' }, client: { status: 'current' } };
console.log(severity, e.path, bad === undefined);
export {};
`);
  writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [] },
    files: ['typed.ts'],
  }));

  writeFileSync(join(work, 'schema.cjs'), `const s = require('therapeutic-boundaries/scenario.schema.json');
if (s.type !== 'object' || !s.properties.professional) process.exit(1);
`);
  run('node', ['schema.cjs']);
  // The built library has no eval and no new Function (pages with a strict Content-Security-Policy load it).
  const dist = join(work, 'node_modules', 'therapeutic-boundaries', 'dist');
  for (const file of readdirSync(dist).filter((f) => /\.(c?js)$/.test(f) && f !== 'cli.js')) {
    const code = readFileSync(join(dist, file), 'utf8');
    if (/\beval\s*\(|new\s+Function\s*\(/.test(code)) throw new Error(`${file} uses eval or new Function`);
  }
  const esm = run('node', ['esm.mjs']).trim();
  const cjs = run('node', ['cjs.cjs']).trim();
  if (esm !== expectLine) throw new Error(`import: got "${esm}"`);
  if (cjs !== expectLine) throw new Error(`require: got "${cjs}"`);
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
  writeFileSync(join(work, 'scenario.json'), scenario);
  const cli = run(join(work, 'node_modules', '.bin', 'therapeutic-boundaries'), ['check', 'scenario.json']);
  if (!cli.includes('CRITICAL')) throw new Error(`cli: got ${cli}`);
  console.log('smoke test of the packed tarball: import, require, TypeScript, the CLI, the testing subpath and the JSON Schema export all work; no eval in dist');
} finally {
  rmSync(work, { recursive: true, force: true });
}
