/**
 * Azure Storage errors as LakeErrors, with a message a person can act on: which operation,
 * which permission, whether the token or SAS expired. Secrets never reach the message.
 */
import { LakeError } from '../core/errors.ts';
import { redactSecrets } from './azureAddress.ts';

export interface AzureRestError {
  statusCode?: number;
  code?: string;
  details?: { errorCode?: string };
  message?: string;
  name?: string;
}

export function azureErrorCode(error: unknown): string | undefined {
  const e = error as AzureRestError;
  return e?.details?.errorCode ?? e?.code;
}

export function azureStatus(error: unknown): number | undefined {
  return (error as AzureRestError)?.statusCode;
}

const permissionFor: Record<string, string> = {
  list: 'List (l)', head: 'Read (r)', get: 'Read (r)', put: 'Write (w) and Create (c)', putIfAbsent: 'Create (c) and Write (w)', delete: 'Delete (d)', lease: 'Write (w)', metadata: 'Write (w)',
};

const leaseCodes = new Set([
  'LeaseIdMissing', 'LeaseIdMismatchWithBlobOperation', 'LeaseNotPresentWithBlobOperation', 'LeaseLost',
  'LeaseIdMismatchWithLeaseOperation', 'LeaseNotPresentWithLeaseOperation', 'LeaseIsBrokenAndCannotBeRenewed',
]);

/** `credentialExpiresOn` (ms): when the SAS or token in use expires, to tell an expired credential from a missing permission. */
export function toLakeErrorFromAzure(error: unknown, operation: keyof typeof permissionFor | string, key: string, credentialExpiresOn?: number): LakeError {
  if (error instanceof LakeError) return error;
  const status = azureStatus(error);
  const code = azureErrorCode(error) ?? 'unknown';
  const what = `${operation} ${key}`;
  if ((error as AzureRestError)?.name === 'AbortError') return new LakeError('Aborted', `${what} was cancelled`, { cause: error });
  if (status === 404) return new LakeError('NotFound', `${key}: not found (${code})`, { cause: error });
  if ((status === 401 || status === 403) && credentialExpiresOn !== undefined && credentialExpiresOn <= Date.now()) {
    return new LakeError('AccessDenied', `${what}: the storage service rejected the credential (${code}): the SAS or token expired at ${new Date(credentialExpiresOn).toISOString()}. Make a new SAS, sign in again, or get a new token with "az account get-access-token --resource https://storage.azure.com".`, { cause: error });
  }
  if (status === 401 || (status === 403 && code === 'AuthenticationFailed') || code === 'InvalidAuthenticationInfo') {
    const detail = `${(error as AzureRestError)?.message ?? ''} ${JSON.stringify((error as AzureRestError)?.details ?? {})}`;
    const expired = /expired|time frame|lifetime validation|signed expiry/i.test(detail);
    return new LakeError('AccessDenied', `${what}: the storage service rejected the credential (${code}): ${expired ? 'the SAS or token has expired' : 'the SAS or token is not valid here, or has expired'}. Make a new SAS, sign in again, or get a new token with "az account get-access-token --resource https://storage.azure.com".`, { cause: error });
  }
  if (leaseCodes.has(code)) {
    return new LakeError('AccessDenied', `${what}: refused, the blob is leased (${code}); another writer holds the lease, or ours expired or was broken. Write with the current lease id, or wait for the lease to be released or broken.`, { cause: error });
  }
  if (status === 403) {
    const which = permissionFor[operation] ?? 'matching';
    return new LakeError('AccessDenied', `${what}: permission denied (${code}). The credential needs the ${which} permission on this location: a SAS with ${which}, or for a token a role that allows ${operation === 'list' || operation === 'head' || operation === 'get' ? 'reading' : 'writing'} (Storage Blob Data ${operation === 'list' || operation === 'head' || operation === 'get' ? 'Reader' : 'Contributor'}; in OneLake a workspace role or item permission that allows it).`, { cause: error });
  }
  if (status === 412 || status === 409) {
    return new LakeError('AccessDenied', `${what}: refused (${status} ${code})`, { cause: error });
  }
  const message = redactSecrets((error as AzureRestError)?.message ?? String(error));
  return new LakeError('Network', `${what}: ${status ? `HTTP ${status} ` : ''}${code}: ${message}`, { cause: error });
}
