/**
 * The scenario's JSON Schema, generated from the zod schema (zod's own JSON Schema output), for
 * callers outside TypeScript. `npm run schema` writes it to scenario.schema.json; a test fails when
 * that file drifts from the zod schema.
 */
import { z } from 'zod';
import { ScenarioSchema } from '../src/scenario.js';

export function scenarioJsonSchema(version: string): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `urn:therapeutic-boundaries:scenario-schema:${version}`,
    title: 'therapeutic-boundaries scenario',
    description:
      'One professional and one client, as structured facts, for checking against the rules of professional boundaries. ' +
      'Generated from the package\u2019s zod schema. Two checks are made by the library but cannot be written in JSON Schema: ' +
      'care.endedOn and care.lastContactOn may not be before care.startedOn, and care.endedOn is set only for a former client.',
    ...rest,
  };
}
