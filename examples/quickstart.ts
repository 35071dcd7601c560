import { check, ScenarioError } from 'therapeutic-boundaries';

// A counselor, three years and two months after care ended, in a romance with the former client.
const report = await check({
  asOf: '2025-06-01',
  professional: { profession: 'counselor' },
  client: { status: 'former' },
  care: { endedOn: '2022-04-01' },
  relationships: [{ kind: 'romantic', with: 'client', timing: 'after', promisedDuringCare: false }],
});

for (const finding of report.findings) {
  console.log(`${finding.severity}: ${finding.title}`);
  console.log(`  ${finding.rationale}`);
  console.log(`  cites ${finding.citations.map((c) => `${c.code.toUpperCase()} ${c.section}`).join(', ')}`);
}

// Bad input is a typed error that names the path.
try {
  await check({ professional: { profession: 'counselor' }, client: { status: 'formerly' } });
} catch (error) {
  if (error instanceof ScenarioError) console.log(error.issues); // [{ path: 'client.status', … }]
}
