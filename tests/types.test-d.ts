import { describe, expectTypeOf, it } from 'vitest';
import {
  check, createChecker, toCdsHooksCards, toDetectedIssues, type CdsCard, type Checker, type Finding, type Report, type Scenario, type Severity,
} from '../src/index.js';
import { scenario, type GoldenCase } from '../src/testing.js';
import type { DetectedIssue } from '@medplum/fhirtypes';

describe('public types', () => {
  it('types the checker and the report', () => {
    expectTypeOf(createChecker()).toEqualTypeOf<Checker>();
    expectTypeOf(check).returns.resolves.toEqualTypeOf<Report>();
    expectTypeOf<Report['highestSeverity']>().toEqualTypeOf<Severity | null>();
    expectTypeOf<Finding['family']>().toEqualTypeOf<'dual-relationship' | 'advice-limit' | 'referral-trigger'>();
    expectTypeOf<Report['findings']>().toEqualTypeOf<readonly Finding[]>();
  });

  it('types the scenario from the schema, with the contract’s enumerations', () => {
    expectTypeOf<Scenario['client']['status']>().toEqualTypeOf<'prospective' | 'current' | 'former'>();
    expectTypeOf<NonNullable<Scenario['relationships']>[number]['timing']>().toEqualTypeOf<'before' | 'during' | 'after'>();
    // @ts-expect-error: an unknown profession is not a Scenario
    const bad: Scenario = { professional: { profession: 'astrologer' }, client: { status: 'current' } };
    void bad;
  });

  it('types the EHR adapters with FHIR R4 and CDS Hooks shapes', () => {
    expectTypeOf(toDetectedIssues).returns.toEqualTypeOf<DetectedIssue[]>();
    expectTypeOf(toCdsHooksCards).returns.toEqualTypeOf<CdsCard[]>();
  });

  it('types the testing helpers', () => {
    expectTypeOf(scenario('counselor').build()).toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<GoldenCase['name']>().toEqualTypeOf<string>();
    // @ts-expect-error: the builder takes a profession of the contract
    scenario('astrologer');
  });
});
