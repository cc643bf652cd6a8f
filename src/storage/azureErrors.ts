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

export function toLakeErrorFromAzure(error: unknown, operation: keyof typeof permissionFor | string, key: string): LakeError {
  if (error instanceof LakeError) return error;
  const status = azureStatus(error);
  const code = azureErrorCode(error) ?? 'unknown';
  const what = `${operation} ${key}`;
  if ((error as AzureRestError)?.name === 'AbortError') return new LakeError('Aborted', `${what} was cancelled`, { cause: error });
  if (status === 404) return new LakeError('NotFound', `${key}: not found (${code})`, { cause: error });
  if (status === 401 || (status === 403 && code === 'AuthenticationFailed')) {
    return new LakeError('AccessDenied', `${what}: the storage service rejected the credential (${code}). A SAS or token may have expired: make a new SAS, sign in again, or get a new token with "az account get-access-token --resource https://storage.azure.com".`, { cause: error });
  }
  if (status === 403) {
    return new LakeError('AccessDenied', `${what}: permission denied (${code}). The credential needs the ${permissionFor[operation] ?? 'matching'} permission on this location (for OneLake: a workspace role, or item permissions, that allow it).`, { cause: error });
  }
  if (status === 412 || status === 409) {
    return new LakeError('AccessDenied', `${what}: refused (${status} ${code})`, { cause: error });
  }
  const message = redactSecrets((error as AzureRestError)?.message ?? String(error));
  return new LakeError('Network', `${what}: ${status ? `HTTP ${status} ` : ''}${code}: ${message}`, { cause: error });
}
