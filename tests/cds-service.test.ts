import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCdsService } from '../examples/cds-hooks-service/server.js';
import { scenario } from '../src/testing.js';

const { server, feedback } = createCdsService();
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cds-services`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const hook = (body: unknown) => fetch(`${base}/therapeutic-boundaries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const request = (s: unknown) => ({ hook: 'patient-view', hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', context: { userId: 'Practitioner/1', patientId: '1', scenario: s } });

describe('the example CDS Hooks service, over HTTP on loopback', () => {
  it('answers discovery', async () => {
    const res = await fetch(base);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { services: { id: string; hook: string }[] };
    expect(body.services).toEqual([expect.objectContaining({ id: 'therapeutic-boundaries', hook: 'patient-view' })]);
  });

  it('returns a critical card citing the right section for a current-client romance', async () => {
    const res = await hook(request(scenario('counselor').relationship({ kind: 'romantic', with: 'client', timing: 'during', promisedDuringCare: false }).build()));
    expect(res.status).toBe(200);
    const { cards } = (await res.json()) as { cards: { indicator: string; summary: string; detail: string }[] };
    expect(cards[0]).toMatchObject({ indicator: 'critical', summary: 'Sexual or romantic relationship with a current client' });
    expect(cards[0]?.detail).toContain('A.5.a');
  });

  it('reads the scenario from prefetch too', async () => {
    const res = await hook({ hook: 'patient-view', hookInstance: 'x', context: {}, prefetch: { scenario: scenario('nurse').risk({ suicide: 'imminent' }).build() } });
    const { cards } = (await res.json()) as { cards: { indicator: string }[] };
    expect(cards.map((c) => c.indicator)).toContain('critical');
  });

  it('returns an empty card list for a clean scenario', async () => {
    const res = await hook(request(scenario('psychologist').build()));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ cards: [] });
  });

  it('returns 400 with the ScenarioError’s issues for a bad scenario', async () => {
    const res = await hook(request({ professional: { profession: 'counselor' }, client: { status: 'formerly' } }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid scenario', issues: [{ path: 'client.status', message: expect.stringContaining('"former"') }] });
    expect((await hook({ hook: 'patient-view', context: {} })).status).toBe(400);
    const notJson = await fetch(`${base}/therapeutic-boundaries`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('takes feedback', async () => {
    const res = await fetch(`${base}/therapeutic-boundaries/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ feedback: [{ card: '9368d37b-283f-44a0-93ea-547cebab93ed', outcome: 'overridden', overrideReason: { reason: { code: 'safeguards-documented' } }, outcomeTimestamp: '2025-06-01T10:00:00Z' }] }),
    });
    expect(res.status).toBe(200);
    expect(feedback).toHaveLength(1);
    const bad = await fetch(`${base}/therapeutic-boundaries/feedback`, { method: 'POST', body: JSON.stringify({ feedback: [{ outcome: 'maybe' }] }) });
    expect(bad.status).toBe(400);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
