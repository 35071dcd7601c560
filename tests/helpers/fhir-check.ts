/**
 * A structural check of FHIR R4 DetectedIssue and Bundle resources: the elements R4 defines and no
 * others, required elements present, codes from the required value sets, and the primitive formats.
 * It returns the problems found; none means the resource is structurally valid R4.
 */
const DATE_TIME = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
const URI = /^\S+$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function only(o: Obj, allowed: string[], at: string, out: string[]) {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) out.push(`${at}.${k}: not an element of this type`);
}

function coding(c: unknown, at: string, out: string[]) {
  if (!isObj(c)) return void out.push(`${at}: must be a Coding`);
  only(c, ['system', 'version', 'code', 'display', 'userSelected'], at, out);
  if (c['system'] !== undefined && (typeof c['system'] !== 'string' || !URI.test(c['system']))) out.push(`${at}.system: must be a uri`);
  if (c['code'] !== undefined && (typeof c['code'] !== 'string' || /^\s|\s$/.test(c['code']))) out.push(`${at}.code: must be a code`);
}

function codeableConcept(c: unknown, at: string, out: string[]) {
  if (!isObj(c)) return void out.push(`${at}: must be a CodeableConcept`);
  only(c, ['coding', 'text'], at, out);
  if (c['coding'] !== undefined) (c['coding'] as unknown[]).forEach((x, i) => coding(x, `${at}.coding[${i}]`, out));
  if (c['text'] !== undefined && typeof c['text'] !== 'string') out.push(`${at}.text: must be a string`);
}

function extension(e: unknown, at: string, out: string[]) {
  if (!isObj(e)) return void out.push(`${at}: must be an Extension`);
  if (typeof e['url'] !== 'string' || !URI.test(e['url'])) out.push(`${at}.url: required uri`);
  const values = Object.keys(e).filter((k) => k.startsWith('value'));
  const nested = Array.isArray(e['extension']);
  if (values.length + (nested ? 1 : 0) !== 1) out.push(`${at}: must have exactly one value[x] or nested extensions`);
  if (nested) (e['extension'] as unknown[]).forEach((x, i) => extension(x, `${at}.extension[${i}]`, out));
}

function reference(r: unknown, at: string, out: string[]) {
  if (!isObj(r)) return void out.push(`${at}: must be a Reference`);
  only(r, ['reference', 'type', 'identifier', 'display'], at, out);
}

export function checkDetectedIssue(d: unknown, at = 'DetectedIssue'): string[] {
  const out: string[] = [];
  if (!isObj(d)) return [`${at}: must be an object`];
  only(d, ['resourceType', 'id', 'meta', 'implicitRules', 'language', 'text', 'contained', 'extension', 'modifierExtension', 'identifier', 'status', 'code', 'severity', 'patient', 'identifiedDateTime', 'identifiedPeriod', 'author', 'implicated', 'evidence', 'detail', 'reference', 'mitigation'], at, out);
  if (d['resourceType'] !== 'DetectedIssue') out.push(`${at}.resourceType: must be DetectedIssue`);
  if (d['id'] !== undefined && (typeof d['id'] !== 'string' || !ID.test(d['id']))) out.push(`${at}.id: must be an id`);
  if (!['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'].includes(d['status'] as string)) out.push(`${at}.status: required, from ObservationStatus`);
  if (d['severity'] !== undefined && !['high', 'moderate', 'low'].includes(d['severity'] as string)) out.push(`${at}.severity: must be high, moderate or low`);
  if (d['code'] !== undefined) codeableConcept(d['code'], `${at}.code`, out);
  if (d['patient'] !== undefined) reference(d['patient'], `${at}.patient`, out);
  if (d['author'] !== undefined) reference(d['author'], `${at}.author`, out);
  if (d['identifiedDateTime'] !== undefined && (typeof d['identifiedDateTime'] !== 'string' || !DATE_TIME.test(d['identifiedDateTime']))) out.push(`${at}.identifiedDateTime: must be a dateTime`);
  if (d['detail'] !== undefined && typeof d['detail'] !== 'string') out.push(`${at}.detail: must be a string`);
  if (d['reference'] !== undefined && (typeof d['reference'] !== 'string' || !URI.test(d['reference']))) out.push(`${at}.reference: must be a uri`);
  ((d['extension'] as unknown[] | undefined) ?? []).forEach((e, i) => extension(e, `${at}.extension[${i}]`, out));
  ((d['evidence'] as unknown[] | undefined) ?? []).forEach((e, i) => {
    if (!isObj(e)) return void out.push(`${at}.evidence[${i}]: must be an object`);
    only(e, ['code', 'detail'], `${at}.evidence[${i}]`, out);
    ((e['code'] as unknown[] | undefined) ?? []).forEach((c, j) => codeableConcept(c, `${at}.evidence[${i}].code[${j}]`, out));
  });
  ((d['mitigation'] as unknown[] | undefined) ?? []).forEach((m, i) => {
    if (!isObj(m)) return void out.push(`${at}.mitigation[${i}]: must be an object`);
    only(m, ['action', 'date', 'author'], `${at}.mitigation[${i}]`, out);
    if (m['action'] === undefined) out.push(`${at}.mitigation[${i}].action: required`);
    else codeableConcept(m['action'], `${at}.mitigation[${i}].action`, out);
  });
  return out;
}

export function checkCollectionBundle(b: unknown): string[] {
  const out: string[] = [];
  if (!isObj(b)) return ['Bundle: must be an object'];
  only(b, ['resourceType', 'id', 'meta', 'identifier', 'type', 'timestamp', 'total', 'link', 'entry', 'signature'], 'Bundle', out);
  if (b['resourceType'] !== 'Bundle') out.push('Bundle.resourceType: must be Bundle');
  if (b['type'] !== 'collection') out.push('Bundle.type: must be collection');
  ((b['entry'] as unknown[] | undefined) ?? []).forEach((e, i) => {
    if (!isObj(e)) return void out.push(`Bundle.entry[${i}]: must be an object`);
    only(e, ['link', 'fullUrl', 'resource', 'search', 'request', 'response'], `Bundle.entry[${i}]`, out);
    if (typeof e['fullUrl'] !== 'string' || !URI.test(e['fullUrl'])) out.push(`Bundle.entry[${i}].fullUrl: must be a uri`);
    out.push(...checkDetectedIssue(e['resource'], `Bundle.entry[${i}].resource`));
  });
  return out;
}
