/**
 * A scenario carried in a link: its JSON as base64url (UTF-8), so an edited scenario can be
 * shared and replayed. Decoding validates it as an imported file is, and names what is wrong.
 */
import { LakeError } from '../core/errors.ts';
import { validateScenario, type Scenario } from './scenario.ts';

/** Links past this length are refused by some servers and chat tools; a scenario this big is shared as a file. */
export const maxLinkedScenarioChars = 64_000;

export function encodeScenario(scenario: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeScenario(text: string): Scenario {
  if (text.length > maxLinkedScenarioChars) throw new LakeError('InvalidInput', `the link's scenario is ${text.length} characters, more than the ${maxLinkedScenarioChars} a link carries: share it as a JSON file`);
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LakeError('InvalidInput', "the link's scenario is not base64url text: it was cut or changed on its way");
  let json: unknown;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch (error) {
    throw new LakeError('InvalidInput', "the link's scenario cannot be read (not base64url JSON): it was cut or changed on its way", { cause: error });
  }
  return validateScenario(json);
}
