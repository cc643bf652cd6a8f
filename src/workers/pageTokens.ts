/**
 * Storage tokens the worker borrows from the page: MSAL lives in the page (it needs a window for
 * sign-in), so the Azure SDK in the worker asks for a token whenever its cached one is about to
 * expire, and MSAL renews it silently.
 */
import { LakeError } from '../core/errors.ts';
import { PendingCalls } from '../core/pendingCalls.ts';
import type { TokenRequestMessage, TokenResponseMessage } from './protocol.ts';

const requests = new PendingCalls<{ token: string; expiresOnTimestamp: number }>();

export function requestPageToken(post: (message: TokenRequestMessage) => void): Promise<{ token: string; expiresOnTimestamp: number }> {
  return requests.send((requestId) => post({ kind: 'tokenRequest', requestId }));
}

/** True when the message was a token response (and was handled). */
export function receivePageToken(message: unknown): boolean {
  if (typeof message !== 'object' || message === null || !('tokenResponse' in message)) return false;
  const response = message as TokenResponseMessage;
  if (response.token) requests.resolve(response.tokenResponse, response.token);
  else requests.reject(response.tokenResponse, new LakeError('AccessDenied', `the page could not renew the storage token: ${response.error ?? 'not signed in'}; sign in again`));
  return true;
}
