/**
 * Azure answers that Azurite cannot produce (OAuth role checks, OneLake refusals), as the SDK's
 * own RestError with the service's status and error code. Azurite's answers are tested in
 * azureStore.test.ts.
 */
import { RestError } from '@azure/storage-blob';
import { describe, expect, it } from 'vitest';
import { toLakeErrorFromAzure } from './azureErrors.ts';

const restError = (statusCode: number, code: string, message = code) => new RestError(message, { statusCode, code });

describe('Azure errors as LakeErrors', () => {
  it('a 403 AuthorizationPermissionMismatch names the operation, the SAS permission and the role', () => {
    const read = toLakeErrorFromAzure(restError(403, 'AuthorizationPermissionMismatch'), 'list', '_delta_log/');
    expect(read).toMatchObject({ code: 'AccessDenied' });
    expect(read.message).toBe('list _delta_log/: permission denied (AuthorizationPermissionMismatch). The credential needs the List (l) permission on this location: a SAS with List (l), or for a token a role that allows reading (Storage Blob Data Reader; in OneLake a workspace role or item permission that allows it).');
    expect(toLakeErrorFromAzure(restError(403, 'AuthorizationPermissionMismatch'), 'putIfAbsent', '_delta_log/00000000000000000003.json').message)
      .toMatch(/putIfAbsent _delta_log\/00000000000000000003\.json: .*Create \(c\) and Write \(w\).*Storage Blob Data Contributor/);
  });

  it('a rejected or expired token says so and how to get a new one', () => {
    const expired = toLakeErrorFromAzure(restError(401, 'InvalidAuthenticationInfo', 'Server failed to authenticate the request. Lifetime validation failed. The token is expired.'), 'get', 'x.parquet');
    expect(expired.message).toMatch(/get x\.parquet: the storage service rejected the credential \(InvalidAuthenticationInfo\): the SAS or token has expired\. .*az account get-access-token --resource https:\/\/storage\.azure\.com/);
    const known = toLakeErrorFromAzure(restError(403, 'AuthenticationFailed'), 'head', 'x', Date.UTC(2026, 0, 1));
    expect(known.message).toContain('the SAS or token expired at 2026-01-01T00:00:00.000Z');
  });

  it('not found, leased, cancelled and other failures, never echoing a signature or token', () => {
    expect(toLakeErrorFromAzure(restError(404, 'BlobNotFound'), 'get', 'a.json')).toMatchObject({ code: 'NotFound', message: 'a.json: not found (BlobNotFound)' });
    expect(toLakeErrorFromAzure(restError(412, 'LeaseIdMissing'), 'delete', 'lock')).toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/^delete lock: refused, the blob is leased \(LeaseIdMissing\)/) });
    const aborted = new Error('The operation was aborted.');
    aborted.name = 'AbortError';
    expect(toLakeErrorFromAzure(aborted, 'get', 'a')).toMatchObject({ code: 'Aborted' });
    const network = toLakeErrorFromAzure(restError(503, 'ServerBusy', 'GET https://a.blob.core.windows.net/c/x?sv=1&sig=SECRETSIG failed; Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJzdG9yYWdlIn0.c2lnbmF0dXJl'), 'get', 'x');
    expect(network.code).toBe('Network');
    expect(network.message).not.toMatch(/SECRETSIG|eyJhdWQi/);
  });
});
