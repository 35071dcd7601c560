/** Writes docs/rules.md from the rule files: `npm run docs`. */
import { writeFileSync } from 'node:fs';
import { builtinPack } from '../src/checker.js';
import { renderRulesDoc } from './rules-doc.js';

const target = new URL('../docs/rules.md', import.meta.url);
writeFileSync(target, renderRulesDoc(builtinPack()));
console.log(`wrote docs/rules.md (${builtinPack().rules.length} rules)`);
