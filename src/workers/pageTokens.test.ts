import { describe, expect, it } from 'vitest';
import { receivePageToken, requestPageToken } from './pageTokens.ts';
import type { TokenRequestMessage } from './protocol.ts';

describe('tokens the worker borrows from the page', () => {
  it('asks the page and gets each answer to its own request', async () => {
    const asked: TokenRequestMessage[] = [];
    const first = requestPageToken((m) => asked.push(m));
    const second = requestPageToken((m) => asked.push(m));
    expect(asked.map((m) => m.kind)).toEqual(['tokenRequest', 'tokenRequest']);
    receivePageToken({ tokenResponse: asked[1]!.requestId, token: { token: 'two', expiresOnTimestamp: 2 } });
    receivePageToken({ tokenResponse: asked[0]!.requestId, token: { token: 'one', expiresOnTimestamp: 1 } });
    expect(await first).toEqual({ token: 'one', expiresOnTimestamp: 1 });
    expect(await second).toEqual({ token: 'two', expiresOnTimestamp: 2 });
  });

  it('turns a page that cannot renew into AccessDenied saying to sign in again', async () => {
    const asked: TokenRequestMessage[] = [];
    const request = requestPageToken((m) => asked.push(m));
    receivePageToken({ tokenResponse: asked[0]!.requestId, error: 'interaction required' });
    await expect(request).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('sign in again') });
  });

  it('ignores messages that are not token answers', () => {
    expect(receivePageToken({ id: 1, method: 'open' })).toBe(false);
  });
});
