/**
 * How Lakelab signs Azure requests, behind one shape: a SAS token, a pasted bearer token (its
 * expiry read from the JWT and enforced before any request), a token source (MSAL), or a
 * shared key (Azurite and tests; Node only). Tokens stay in memory.
 */
import { LakeError } from '../core/errors.ts';

export type AzureCredential =
  | { kind: 'sas'; token: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'tokenSource'; getToken: () => Promise<{ token: string; expiresOnTimestamp: number }> }
  | { kind: 'sharedKey'; accountName: string; accountKey: string }
  | { kind: 'anonymous' };

export const storageScope = 'https://storage.azure.com/.default';
const renewHint = 'get a new one with "az account get-access-token --resource https://storage.azure.com" and paste it again';

/** What `az account get-access-token` prints (JSON) or the raw token, to a bearer credential. */
export function toBearerCredential(pasted: string): { credential: AzureCredential; expiresOn: number } {
  let token = pasted.trim();
  if (token.startsWith('{')) {
    try {
      token = String((JSON.parse(token) as { accessToken?: unknown }).accessToken ?? '');
    } catch {
      throw new LakeError('InvalidInput', 'the pasted text looks like JSON but cannot be read; paste the accessToken value or the whole output of az account get-access-token');
    }
  }
  token = token.replace(/^Bearer\s+/i, '');
  const expiresOn = jwtExpiry(token);
  return { credential: { kind: 'bearer', token }, expiresOn };
}

/** The `exp` of a JWT, in ms. */
export function jwtExpiry(token: string): number {
  const payload = token.split('.')[1];
  if (!payload) throw new LakeError('InvalidInput', 'this is not a bearer token (a JWT with three parts separated by dots)');
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))) as { exp?: number };
    if (typeof json.exp !== 'number') throw new Error('no exp');
    return json.exp * 1000;
  } catch {
    throw new LakeError('InvalidInput', 'the bearer token cannot be read (no expiry in it); paste the accessToken from az account get-access-token');
  }
}

/** The token source the Azure SDK calls before each request: refuses an expired token up front. */
export function toTokenCredential(credential: Extract<AzureCredential, { kind: 'bearer' | 'tokenSource' }>, now: () => number = Date.now) {
  return {
    async getToken() {
      if (credential.kind === 'tokenSource') return credential.getToken();
      const expiresOnTimestamp = jwtExpiry(credential.token);
      if (expiresOnTimestamp <= now()) {
        throw new LakeError('AccessDenied', `the bearer token expired at ${new Date(expiresOnTimestamp).toISOString()}; ${renewHint}`);
      }
      return { token: credential.token, expiresOnTimestamp };
    },
  };
}

export function toSasToken(text: string): string {
  const trimmed = text.trim();
  const query = trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?') + 1) : trimmed;
  if (!/(^|&)sig=/.test(query)) throw new LakeError('InvalidInput', 'a SAS token has a sig= parameter; paste the SAS URL or its query string');
  return query;
}

/** When a SAS expires (its `se` field), in ms; undefined when it does not say. */
export function toSasExpiry(token: string): number | undefined {
  const se = new URLSearchParams(token.replace(/^\?/, '')).get('se');
  const at = se ? Date.parse(se) : Number.NaN;
  return Number.isNaN(at) ? undefined : at;
}
