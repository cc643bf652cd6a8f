import { describe, expect, it } from 'vitest';
import { msalSettingsFromEnv } from './msalTokenSource.ts';

describe('MSAL settings', () => {
  it('come from the build-time environment, or not at all without a client id', () => {
    expect(msalSettingsFromEnv({})).toBeUndefined();
    expect(msalSettingsFromEnv({ VITE_LAKELAB_MSAL_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001', VITE_LAKELAB_MSAL_TENANT: 'contoso.onmicrosoft.com' }))
      .toEqual({ clientId: 'c0ffee00-0000-4000-8000-000000000001', tenant: 'contoso.onmicrosoft.com', authority: undefined });
  });
});
