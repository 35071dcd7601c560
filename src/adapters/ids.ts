import { sha256Hex } from '../hash.js';

/**
 * A UUID derived from its parts (SHA-256, laid out as an RFC 9562 version-8 UUID): the same parts
 * always give the same id, so a card or resource for the same scenario and rule keeps its id.
 */
export function stableUuid(...parts: readonly string[]): string {
  const h = sha256Hex(parts.join('\u0000'));
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The URN namespace the library's codes live in (rule ids, rulesets, override reasons). */
export const URN = 'urn:therapeutic-boundaries';
