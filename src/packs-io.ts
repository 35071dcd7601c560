/**
 * Reading rule packs and golden cases from disk, for the command-line tool. Node only: the library
 * entry never imports this module.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { RulePackError } from './errors.js';

export function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RulePackError([{ file, path: '', message: `cannot read: ${(error as Error).message}` }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RulePackError([{ file, path: '', message: `is not valid JSON: ${(error as Error).message}` }]);
  }
}

export function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? jsonFilesUnder(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []))
    .sort();
}

/**
 * Reads a rule pack from a JSON file (`{ name, version, rules: [...], codes?: [...] }`) or a folder
 * (a `pack.json` with name and version, rule files anywhere below it, code files under `codes/`).
 * Rule and code files are keyed by their paths, so errors name the file.
 */
export function readPack(path: string): unknown {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (error) {
    throw new RulePackError([{ file: path, path: '', message: `cannot read: ${(error as Error).message}` }]);
  }
  if (!isDir) {
    const pack = readJson(path);
    if (typeof pack !== 'object' || pack === null) return pack;
    const p = pack as { rules?: unknown; codes?: unknown };
    const keyed = (list: unknown, what: string) =>
      Array.isArray(list) ? Object.fromEntries(list.map((item, i) => [`${path}#${what}.${i}`, item])) : list;
    return { ...pack, rules: keyed(p.rules, 'rules'), ...(p.codes !== undefined ? { codes: keyed(p.codes, 'codes') } : {}) };
  }
  const manifest = join(path, 'pack.json');
  const meta = readJson(manifest);
  if (typeof meta !== 'object' || meta === null) throw new RulePackError([{ file: manifest, path: '', message: 'must be an object with name and version' }]);
  const rules: Record<string, unknown> = {};
  const codes: Record<string, unknown> = {};
  for (const file of jsonFilesUnder(path)) {
    if (file === manifest) continue;
    const rel = relative(path, file).split('\\').join('/');
    (rel.startsWith('codes/') ? codes : rules)[join(path, rel)] = readJson(file);
  }
  return { ...meta, rules, ...(Object.keys(codes).length > 0 ? { codes } : {}) };
}

/** Golden case files in a folder (recursively), or a single file. */
export function readGoldenCases(path: string): { file: string; data: unknown }[] {
  const files = statSync(path).isDirectory() ? jsonFilesUnder(path) : [path];
  return files.map((file) => {
    const data = readJson(file);
    if (typeof data === 'object' && data !== null && !('name' in data)) {
      return { file, data: { name: basename(file, '.json'), ...data } };
    }
    return { file, data };
  });
}
