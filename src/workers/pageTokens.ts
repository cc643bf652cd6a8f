/**
 * Storage tokens the worker borrows from the page: MSAL lives in the page (it needs a window for
 * sign-in), so the Azure SDK in the worker asks for a token whenever its cached one is about to
 * expire, and MSAL renews it silently.
 */
import { LakeError } from '../core/errors.ts';
import type { TokenRequestMessage, TokenResponseMessage } from './protocol.ts';

const pending = new Map<number, { resolve: (t: { token: string; expiresOnTimestamp: number }) => void; reject: (e: unknown) => void }>();
let nextRequest = 1;

export function requestPageToken(post: (message: TokenRequestMessage) => void): Promise<{ token: string; expiresOnTimestamp: number }> {
  const requestId = nextRequest++;
  return new Promise((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    post({ kind: 'tokenRequest', requestId });
  });
}

/** True when the message was a token response (and was handled). */
export function receivePageToken(message: unknown): boolean {
  if (typeof message !== 'object' || message === null || !('tokenResponse' in message)) return false;
  const response = message as TokenResponseMessage;
  const waiting = pending.get(response.tokenResponse);
  pending.delete(response.tokenResponse);
  if (response.token) waiting?.resolve(response.token);
  else waiting?.reject(new LakeError('AccessDenied', `the page could not renew the storage token: ${response.error ?? 'not signed in'}; sign in again`));
  return true;
}
