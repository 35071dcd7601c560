/** Writes scenario.schema.json: `npm run schema`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from './scenario-schema.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
writeFileSync(new URL('../scenario.schema.json', import.meta.url), `${JSON.stringify(scenarioJsonSchema(version), null, 2)}\n`);
console.log('wrote scenario.schema.json');
