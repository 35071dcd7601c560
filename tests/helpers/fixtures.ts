import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GoldenCaseSchema, type GoldenCase } from '../../src/testing.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCENARIOS = join(ROOT, 'tests', 'scenarios');

/** A scenario fixture: a golden case, as policy authors write them, with its file. */
export type Fixture = ReturnType<typeof GoldenCaseSchema.parse> & { file: string; source: GoldenCase };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []))
    .sort();
}

export function loadFixtures(): Fixture[] {
  return walk(SCENARIOS).map((file) => {
    const source = JSON.parse(readFileSync(file, 'utf8')) as GoldenCase;
    return { ...GoldenCaseSchema.parse(source), file: relative(ROOT, file), source };
  });
}
