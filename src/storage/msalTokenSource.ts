/**
 * Signing in with Microsoft Entra ID (MSAL, the only importer of @azure/msal-browser): popup or
 * redirect, the storage scope, silent renewal before expiry. Loaded only when a user signs in.
 * A real sign-in needs the network and an app registration; everything else is tested with
 * SAS and bearer tokens against Azurite.
 */
import { LakeError } from '../core/errors.ts';
import { storageScope } from './azureCredential.ts';

export interface MsalSettings {
  clientId: string;
  /** A tenant id or domain; "organizations" by default. */
  tenant?: string;
  /** Overrides the authority built from the tenant. */
  authority?: string;
  redirectUri?: string;
  /** Keep the sign-in in session storage (survives a reload); by default it lives in memory only. */
  keepInSession?: boolean;
}

export function msalSettingsFromEnv(env: Record<string, string | undefined>): MsalSettings | undefined {
  const clientId = env.VITE_LAKELAB_MSAL_CLIENT_ID;
  if (!clientId) return undefined;
  return { clientId, tenant: env.VITE_LAKELAB_MSAL_TENANT, authority: env.VITE_LAKELAB_MSAL_AUTHORITY };
}

export async function createMsalTokenSource(settings: MsalSettings, mode: 'popup' | 'redirect' = 'popup') {
  const msal = await import('@azure/msal-browser');
  const app = new msal.PublicClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: settings.authority ?? `https://login.microsoftonline.com/${settings.tenant ?? 'organizations'}`,
      redirectUri: settings.redirectUri ?? globalThis.location?.origin,
    },
    cache: { cacheLocation: settings.keepInSession ? 'sessionStorage' : 'memoryStorage' },
  });
  await app.initialize();
  await app.handleRedirectPromise();
  const request = { scopes: [storageScope] };
  async function account() {
    const existing = app.getAllAccounts()[0];
    if (existing) return existing;
    if (mode === 'redirect') {
      await app.loginRedirect(request);
      throw new LakeError('AccessDenied', 'not signed in yet: the page is going to Microsoft sign-in and will come back');
    }
    return (await app.loginPopup(request)).account;
  }
  return {
    /** The storage token; MSAL renews it silently before it expires, or asks again. */
    async getToken(): Promise<{ token: string; expiresOnTimestamp: number }> {
      const who = await account();
      try {
        const result = await app.acquireTokenSilent({ ...request, account: who, forceRefresh: false });
        return { token: result.accessToken, expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 300_000 };
      } catch {
        const result = mode === 'popup' ? await app.acquireTokenPopup(request) : (await app.acquireTokenRedirect(request), undefined);
        if (!result) throw new LakeError('AccessDenied', 'not signed in yet: the page is going to Microsoft sign-in and will come back');
        return { token: result.accessToken, expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 300_000 };
      }
    },
    signOut: () => app.logoutPopup(),
    /** Drop the sign-in from MSAL's cache and from any web storage it used; no request is made. */
    async forget(): Promise<void> {
      await app.clearCache();
      forgetMsalStorage();
    },
  };
}

/** MSAL's entries in session and local storage (there only when a sign-in was kept in session). */
export function forgetMsalStorage(): void {
  for (const storage of [globalThis.sessionStorage, globalThis.localStorage]) {
    if (!storage) continue;
    for (let i = storage.length - 1; i >= 0; i--) {
      const key = storage.key(i);
      if (key && (key.startsWith('msal.') || key.includes('login.microsoftonline.com') || key.includes('login.windows.net'))) storage.removeItem(key);
    }
  }
}
