/**
 * The page's side of an Azure connection: the address and credential the user gave, browsing
 * folders (the SDK loads on connect), and the OpenTable for a Delta folder. Tokens stay in
 * memory (sessionStorage only when the user asks).
 */
import type { OpenTable } from '../state/explorerStore.ts';
import type { BrowseEntry } from '../../storage/azureBrowse.ts';
import type { ObjectStore } from '../../core/objectStore.ts';

export type PageCredential = { kind: 'sas'; token: string } | { kind: 'bearer'; token: string } | { kind: 'pageTokens' };

export interface AzureConnection {
  address: string;
  /** The page's origin when its server has the same-origin OneLake route. */
  proxyOrigin?: string;
  credential: PageCredential;
  store: ObjectStore;
  /** Folder the address points at, inside the container. */
  label: string;
}

export async function connectAzure(address: string, credentialText: string, kind: 'sas' | 'bearer'): Promise<AzureConnection> {
  const [{ parseAzureAddress }, { openAzureStore }, { toBearerCredential, toSasToken }] = await Promise.all([
    import('../../storage/azureAddress.ts'), import('../../storage/azureStore.ts'), import('../../storage/azureCredential.ts'),
  ]);
  const parsed = parseAzureAddress(address);
  const credential: PageCredential = kind === 'sas'
    ? { kind: 'sas', token: toSasToken(credentialText || parsed.sas || '') }
    : { kind: 'bearer', token: (toBearerCredential(credentialText).credential as { token: string }).token };
  const cleanAddress = address.split('?')[0] ?? address;
  const proxyOrigin = (await hasOneLakeRoute()) ? globalThis.location.origin : undefined;
  return { address: cleanAddress, credential, proxyOrigin, store: await openAzureStore(parsed, credential, { proxyOrigin }), label: `${parsed.container}/${parsed.path}` };
}

/** The dev and preview servers answer their OneLake route (a bare request gets 400, "expected <host>"). */
async function hasOneLakeRoute(): Promise<boolean> {
  try {
    const response = await fetch('/__onelake/');
    return response.status === 400 && (await response.text()).includes('/__onelake/');
  } catch {
    return false;
  }
}

export async function browseAzure(connection: AzureConnection, folder: string): Promise<BrowseEntry[]> {
  const { loadFolderEntries } = await import('../../storage/azureBrowse.ts');
  return loadFolderEntries(connection.store, folder);
}

export function azureTable(connection: AzureConnection, folder: string): OpenTable {
  const base = connection.address.replace(/\/+$/, '');
  const address = folder ? `${base}/${folder.replace(/\/+$/, '')}` : base;
  return { label: `${connection.label}/${folder}`.replace(/\/+$/, ''), link: {}, spec: { kind: 'azure', address, credential: connection.credential, proxyOrigin: connection.proxyOrigin }, target: { format: 'delta', root: '' } };
}

/**
 * A DuckLake catalog file found browsing: read through the connection's own address, so its
 * data path (a folder beside it, or an abfss:// address on the same account) resolves there.
 */
export function azureCatalog(connection: AzureConnection, key: string): OpenTable {
  return {
    label: `${connection.label}/${key}`.replace(/\/{2,}/g, '/'),
    link: {},
    spec: { kind: 'azure', address: connection.address.replace(/\/+$/, ''), credential: connection.credential, proxyOrigin: connection.proxyOrigin },
    target: { format: 'ducklake', catalogKey: key },
  };
}

/** The bearer token's expiry, to show it (and warn before it runs out). */
export async function bearerExpiry(token: string): Promise<number | undefined> {
  const { jwtExpiry } = await import('../../storage/azureCredential.ts');
  try {
    return jwtExpiry(token.replace(/^Bearer\s+/i, ''));
  } catch {
    return undefined;
  }
}

/** Sign in with Microsoft Entra ID (MSAL popup): a token source MSAL renews silently before expiry. */
export async function signInWithMicrosoft(settings: { clientId: string; tenant?: string }, mode: 'popup' | 'redirect' = 'popup') {
  if (!settings.clientId) throw new Error('enter the application (client) id of an app registration with the Azure Storage user_impersonation permission');
  const { createMsalTokenSource } = await import('../../storage/msalTokenSource.ts');
  // Redirect: the page leaves to sign in and comes back; connecting again then finds the account.
  const source = await createMsalTokenSource(settings, mode);
  await source.getToken(); // sign in now, not at the first request
  return { getToken: source.getToken, forget: source.forget };
}

/** Forget MSAL's web storage even when no sign-in happened in this page (one kept from an earlier visit). */
export async function forgetMicrosoftSignIn(signedIn?: { forget: () => Promise<void> }): Promise<void> {
  if (signedIn) await signedIn.forget();
  const { forgetMsalStorage } = await import('../../storage/msalTokenSource.ts');
  forgetMsalStorage();
}

/** Connect with tokens from a signed-in session: the page and the worker both ask it for fresh ones. */
export async function connectAzureWithTokens(address: string, getToken: () => Promise<{ token: string; expiresOnTimestamp: number }>): Promise<AzureConnection> {
  const [{ parseAzureAddress }, { openAzureStore }] = await Promise.all([import('../../storage/azureAddress.ts'), import('../../storage/azureStore.ts')]);
  const parsed = parseAzureAddress(address);
  const proxyOrigin = (await hasOneLakeRoute()) ? globalThis.location.origin : undefined;
  const store = await openAzureStore(parsed, { kind: 'tokenSource', getToken }, { proxyOrigin });
  return { address: address.split('?')[0] ?? address, credential: { kind: 'pageTokens' }, proxyOrigin, store, label: `${parsed.container}/${parsed.path}` };
}
