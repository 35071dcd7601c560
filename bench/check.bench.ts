/**
 * Speed and memory of a check, side by side with baselines measured in the same run:
 *   - json-rules-engine alone, running the same rule conditions on facts computed beforehand
 *     (what a hand-rolled integration pays for the engine, with no validation or report);
 *   - check() (validation, derived facts, json-rules-engine, report);
 *   - checkSync() (the same, with the compiled evaluator);
 *   - the compiled evaluator alone on the same conditions and facts as the engine baseline.
 * Run: npm run bench
 */
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { Bench } from 'tinybench';
import { builtinPack, createChecker } from '../src/checker.js';
import { parseScenario } from '../src/scenario.js';
import { OPERATOR_FNS } from '../src/conditions.js';
import { buildPlan, evaluateSync } from '../src/evaluate.js';
import { FACTS, itemsOf, scenarioContext, SUBJECT_LIST } from '../src/facts.js';

const scenario = JSON.parse(readFileSync(new URL('../examples/scenarios/counselor-current-client.json', import.meta.url), 'utf8'));
const checker = createChecker();

// Baseline: the same variants in plain engines, one run per subject item, facts precomputed.
const parsed = parseScenario(scenario);
const ctx = scenarioContext(parsed, parsed.asOf as string);
const plan = buildPlan(builtinPack(), ctx.codes);
const runs: { engine: Engine; facts: Record<string, unknown> }[] = [];
for (const sp of plan.bySubject.values()) {
  if (sp.variants.length === 0) continue;
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, fn] of Object.entries(OPERATOR_FNS)) engine.addOperator(name, (a: unknown, b: unknown) => a !== undefined && b !== undefined && fn(a, b));
  for (const [name, value] of sp.codeFacts) engine.addFact(name, value as never);
  for (const v of sp.variants) engine.addRule({ name: v.name, conditions: { all: [v.engineConditions] } as never, event: { type: 'x' } });
  const items = sp.subject === 'scenario' ? [undefined] : itemsOf(parsed, sp.subject as keyof typeof SUBJECT_LIST);
  for (const item of items) {
    runs.push({ engine, facts: Object.fromEntries(sp.factNames.map((n) => [n, FACTS.get(n)?.get(ctx, item)])) });
  }
}
const rules = plan.rules.length;

const bench = new Bench({ time: 2000, warmup: true });
bench
  .add('baseline: json-rules-engine alone, same conditions', async () => {
    for (const r of runs) await r.engine.run(r.facts);
  })
  .add('compiled evaluator alone, same conditions and facts', () => {
    evaluateSync(plan, ctx);
  })
  .add('check() (json-rules-engine)', async () => {
    await checker.check(scenario);
  })
  .add('checkSync() (compiled evaluator)', () => {
    checker.checkSync(scenario);
  })
  .add('parseScenario() alone', () => {
    parseScenario(scenario);
  });

await bench.run();

const mean = (name: string) => {
  const task = bench.tasks.find((t) => t.name.startsWith(name));
  const result = task?.result as { latency?: { mean: number }; mean?: number } | undefined;
  return result?.latency?.mean ?? result?.mean ?? Number.NaN;
};
console.log(`Scenario: examples/scenarios/counselor-current-client.json — ${rules} rules applied, ${runs.length} engine runs per check`);
console.table(
  bench.tasks.map((t) => ({ task: t.name, 'mean µs': (mean(t.name) * 1000).toFixed(1), 'ops/s': Math.round(1000 / mean(t.name)) })),
);
const base = mean('baseline');
const jre = mean('check()');
const sync = mean('checkSync()');
console.log(`check() / engine-alone baseline:  ${(jre / base).toFixed(2)}x the time`);
console.log(`checkSync() / check():           ${(sync / jre).toFixed(3)}x the time (${(jre / sync).toFixed(0)}x faster)`);
console.log(`checkSync() / engine-alone:      ${(sync / base).toFixed(3)}x the time`);
const compiled = mean('compiled evaluator alone');
console.log(`compiled evaluator / engine alone (evaluation only): ${(compiled / base).toFixed(4)}x the time (${(base / compiled).toFixed(0)}x faster)`);

// Memory: heap retained by a warmed checker, against a baseline engine set holding the same rules.
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const h0 = heap();
  const checkers = Array.from({ length: 20 }, () => createChecker());
  for (const c of checkers) await c.check(scenario);
  const h1 = heap();
  const engines = Array.from({ length: 20 }, () => {
    const list: Engine[] = [];
    for (const sp of plan.bySubject.values()) {
      const e = new Engine([], { allowUndefinedFacts: true });
      for (const v of sp.variants) e.addRule({ name: v.name, conditions: { all: [v.engineConditions] } as never, event: { type: 'x' } });
      list.push(e);
    }
    return list;
  });
  const h2 = heap();
  const perChecker = (h1 - h0) / checkers.length;
  const perEngineSet = (h2 - h1) / engines.length;
  console.log(`heap per warmed checker: ${(perChecker / 1024).toFixed(0)} KiB; per baseline engine set: ${(perEngineSet / 1024).toFixed(0)} KiB; ratio ${(perChecker / perEngineSet).toFixed(2)}x`);
} else {
  console.log('memory: run with node --expose-gc (npm run bench does) to measure heap per checker');
}
