import { describe, expect, it } from 'vitest';
import { jwtExpiry, toBearerCredential, toSasToken, toTokenCredential } from './azureCredential.ts';

const toJwt = (payload: object) => `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2lnbmF0dXJl`;
const exp = Date.UTC(2026, 10, 25, 8, 0, 0) / 1000;

describe('Azure credentials', () => {
  it('reads a pasted bearer token: raw, with "Bearer ", or the JSON az account get-access-token prints', () => {
    const token = toJwt({ aud: 'https://storage.azure.com', exp });
    const az = JSON.stringify({ accessToken: token, expiresOn: '2026-11-25 08:00:00.000000', expires_on: exp, subscription: 's', tenant: 't', tokenType: 'Bearer' }, null, 2);
    for (const pasted of [token, ` Bearer ${token}\n`, az]) {
      expect(toBearerCredential(pasted)).toEqual({ credential: { kind: 'bearer', token }, expiresOn: exp * 1000 });
    }
    expect(jwtExpiry(token)).toBe(exp * 1000);
  });

  it('refuses text that is not a token, without echoing it', () => {
    expect(() => toBearerCredential('{"accessToken": ')).toThrow(/looks like JSON/);
    expect(() => toBearerCredential('secret-value-123')).toThrow(/not a bearer token/);
    expect(() => toBearerCredential(toJwt({ aud: 'x' }))).toThrow(/no expiry/);
    try {
      toBearerCredential('secret-value-123');
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-value-123');
    }
  });

  it('refuses an expired bearer token before any request, saying when it expired and how to renew it', async () => {
    const token = toJwt({ exp });
    const { credential } = toBearerCredential(token);
    if (credential.kind !== 'bearer') throw new Error('expected a bearer credential');
    await expect(toTokenCredential(credential, () => exp * 1000 - 1).getToken()).resolves.toEqual({ token, expiresOnTimestamp: exp * 1000 });
    const refused = toTokenCredential(credential, () => exp * 1000 + 1).getToken();
    await expect(refused).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(refused).rejects.toThrow('the bearer token expired at 2026-11-25T08:00:00.000Z; get a new one with "az account get-access-token --resource https://storage.azure.com"');
  });

  it('reads a SAS from a SAS URL or its query string', () => {
    expect(toSasToken('https://acct.blob.core.windows.net/data?sv=2024-08-04&sp=rl&sig=a%2Bb')).toBe('sv=2024-08-04&sp=rl&sig=a%2Bb');
    expect(toSasToken('?sv=2024-08-04&sig=abc')).toBe('sv=2024-08-04&sig=abc');
    expect(toSasToken('sv=2024-08-04&sig=abc')).toBe('sv=2024-08-04&sig=abc');
    expect(() => toSasToken('https://acct.blob.core.windows.net/data')).toThrow(/sig=/);
  });
});
