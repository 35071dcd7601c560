import { describe, expect, it } from 'vitest';
import { cdsServiceDefinition, createChecker, toCdsHooksCards, toDetectedIssues, toFhirBundle } from '../src/index.js';
import { scenario } from '../src/testing.js';
import { checkCollectionBundle, checkDetectedIssue } from './helpers/fhir-check.js';
import { loadFixtures } from './helpers/fixtures.js';

const checker = createChecker();
const romance = scenario('counselor').id('case-17').relationship({ kind: 'romantic', with: 'client', timing: 'during', promisedDuringCare: false }).build();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('FHIR R4 DetectedIssue', () => {
  it('maps a current-client romance to a high-severity, final DetectedIssue citing ACA A.5.a', () => {
    const report = checker.checkSync(romance);
    const [issue] = toDetectedIssues(report, { patient: { reference: 'Patient/123' }, author: { reference: 'Practitioner/9' } });
    expect(issue).toMatchObject({
      resourceType: 'DetectedIssue',
      status: 'final',
      severity: 'high',
      patient: { reference: 'Patient/123' },
      author: { reference: 'Practitioner/9' },
      identifiedDateTime: '2025-06-01',
      reference: 'https://www.counseling.org/knowledge-center/ethics',
      code: { coding: [{ system: 'urn:therapeutic-boundaries:rule', code: 'dual-relationship/romance-current-client' }, { code: `${report.ruleset.name}@${report.ruleset.version}` }] },
    });
    expect(issue?.detail).toBe(report.findings[0]?.rationale);
    expect(issue?.mitigation?.map((m) => m.action.text)).toEqual(report.findings[0]?.recommendations);
    expect(issue?.evidence?.[0]?.code?.[0]?.text).toBe('relationships.0.kind = "romantic"');
    expect(issue?.extension).toContainEqual({ url: 'urn:therapeutic-boundaries:extension:severity', valueCode: 'critical' });
  });

  it('maps the severities: critical and high to high, moderate to moderate, low to low', () => {
    const report = checker.checkSync(scenario('counselor').gift({ direction: 'from-client', kind: 'cash', valueUsd: 20 }).gift({ direction: 'from-client', kind: 'food', valueUsd: 5 }).build());
    const pairs = toDetectedIssues(report).map((d, i) => [report.findings[i]?.severity, d.severity]);
    expect(pairs).toEqual([['moderate', 'moderate'], ['low', 'low']]);
  });

  it('passes a structural R4 check for every fixture, as resources and as a collection Bundle', () => {
    for (const f of loadFixtures()) {
      const report = checker.checkSync(f.scenario);
      for (const issue of toDetectedIssues(report, { patient: { reference: 'Patient/1' } })) expect(checkDetectedIssue(issue)).toEqual([]);
      const bundle = toFhirBundle(report);
      expect(checkCollectionBundle(bundle)).toEqual([]);
      expect(bundle.entry?.length).toBe(report.findings.length);
    }
  });

  it('gives stable ids for the same scenario and rule', () => {
    const a = toDetectedIssues(checker.checkSync(romance))[0]?.id;
    expect(a).toMatch(UUID);
    expect(toDetectedIssues(checker.checkSync(structuredClone(romance)))[0]?.id).toBe(a);
    expect(toDetectedIssues(checker.checkSync({ ...romance, id: 'case-18' }))[0]?.id).not.toBe(a);
  });
});

describe('CDS Hooks cards', () => {
  it('makes a critical card for a current-client romance, with the citation in the detail', () => {
    const [card] = toCdsHooksCards(checker.checkSync(romance), { sourceUrl: 'https://example.org/boundaries' });
    expect(card).toMatchObject({ indicator: 'critical', summary: 'Sexual or romantic relationship with a current client', source: { url: 'https://example.org/boundaries' } });
    expect(card?.detail).toContain('ACA (2014) A.5.a — Sexual and/or Romantic Relationships Prohibited');
    expect(card?.links).toEqual([{ label: 'ACA A.5.a', url: 'https://www.counseling.org/knowledge-center/ethics', type: 'absolute' }]);
  });

  it('maps indicators, keeps summaries under 140 characters, and gives stable uuids', () => {
    for (const f of loadFixtures()) {
      const report = checker.checkSync(f.scenario);
      const cards = toCdsHooksCards(report);
      cards.forEach((card, i) => {
        const severity = report.findings[i]?.severity;
        expect(card.indicator).toBe(severity === 'critical' ? 'critical' : severity === 'low' ? 'info' : 'warning');
        expect(card.summary.length).toBeLessThan(140);
        expect(card.uuid).toMatch(UUID);
        expect(card.source.label.length).toBeGreaterThan(0);
        if (card.suggestions) expect(card.selectionBehavior).toBe('at-most-one');
      });
      expect(new Set(cards.map((c) => c.uuid)).size).toBe(cards.length);
      expect(toCdsHooksCards(checker.checkSync(f.scenario)).map((c) => c.uuid)).toEqual(cards.map((c) => c.uuid));
    }
  });

  it('suggests a referral where one is recommended, with its urgency', () => {
    const report = checker.checkSync(scenario('nurse').risk({ suicide: 'imminent' }).build());
    const card = toCdsHooksCards(report, { patient: { reference: 'Patient/7' } }).find((c) => c.source.topic?.code === 'referral-trigger/imminent-suicide-risk');
    expect(card?.indicator).toBe('critical');
    expect(card?.suggestions?.[0]).toMatchObject({ isRecommended: true, actions: [{ type: 'create', resource: { resourceType: 'ServiceRequest', priority: 'stat', intent: 'proposal', subject: { reference: 'Patient/7' } } }] });
    expect(card?.detail).toContain('guidance, not binding');
  });

  it('offers override reasons where documented safeguards can justify going on', () => {
    const safeguarded = scenario('psychologist')
      .care({ community: 'rural', alternativesNearby: false })
      .relationship({ kind: 'social', with: 'client', timing: 'during', arose: 'chosen', safeguards: ['informed-consent', 'consultation', 'documentation'] })
      .build();
    const card = toCdsHooksCards(checker.checkSync(safeguarded)).find((c) => c.source.topic?.code === 'dual-relationship/small-community-overlap-safeguarded');
    expect(card?.overrideReasons?.map((r) => r.code)).toEqual(['safeguards-documented', 'facts-inaccurate']);
  });

  it('describes the service for discovery', () => {
    expect(cdsServiceDefinition()).toMatchObject({ hook: 'patient-view', id: 'therapeutic-boundaries', title: expect.any(String), description: expect.any(String) });
    expect(cdsServiceDefinition({ id: 'x', hook: 'encounter-start' })).toMatchObject({ id: 'x', hook: 'encounter-start' });
  });
});
