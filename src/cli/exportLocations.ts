/**
 * Where `ducklake-export` reads and writes: a local path, or an Azure / OneLake address
 * (abfss://..., https://...), signed with the SAS in the address or from the environment:
 * LAKELAB_AZURE_SAS (a SAS token), LAKELAB_AZURE_TOKEN (a bearer token, as
 * `az account get-access-token --resource https://storage.azure.com` prints), or
 * LAKELAB_AZURE_KEY (the account key; Azurite). Secrets never appear in messages.
 */
import { resolve } from 'node:path';
import { LakeError } from '../core/errors.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { parseAzureAddress, redactSecrets, type AzureAddress } from '../storage/azureAddress.ts';
import { toBearerCredential, toSasToken, type AzureCredential } from '../storage/azureCredential.ts';

export type Location =
  | { kind: 'local'; path: string; store: ObjectStore; description: string }
  | { kind: 'azure'; address: AzureAddress; store: ObjectStore; description: string };

export function isAzureAddress(text: string): boolean {
  return /^(abfss?|https?):\/\//i.test(text);
}

export function azureCredential(address: AzureAddress, env: NodeJS.ProcessEnv = process.env): AzureCredential {
  if (address.sas) return { kind: 'sas', token: address.sas };
  if (env.LAKELAB_AZURE_SAS) return { kind: 'sas', token: toSasToken(env.LAKELAB_AZURE_SAS) };
  if (env.LAKELAB_AZURE_TOKEN) return toBearerCredential(env.LAKELAB_AZURE_TOKEN).credential;
  if (env.LAKELAB_AZURE_KEY) return { kind: 'sharedKey', accountName: accountOf(address), accountKey: env.LAKELAB_AZURE_KEY };
  throw new LakeError('AccessDenied', `${redactSecrets(address.accountUrl)}: no credential; set LAKELAB_AZURE_TOKEN (az account get-access-token --resource https://storage.azure.com), LAKELAB_AZURE_SAS or LAKELAB_AZURE_KEY`);
}

function accountOf(address: AzureAddress): string {
  const host = new URL(address.accountUrl);
  const name = /^([a-z0-9]+)\./.exec(host.hostname)?.[1];
  if (host.hostname === '127.0.0.1' || host.hostname === 'localhost' || !name) return host.pathname.split('/').filter(Boolean)[0] ?? 'devstoreaccount1';
  return name;
}

export async function openLocation(text: string): Promise<Location> {
  if (!isAzureAddress(text)) {
    const path = resolve(text);
    return { kind: 'local', path, store: new NodeFsStore(path), description: `folder ${path}` };
  }
  const address = parseAzureAddress(text);
  const { openAzureStore } = await import('../storage/azureStore.ts');
  const store = await openAzureStore(address, azureCredential(address));
  return { kind: 'azure', address, store, description: `${address.container}/${address.path}` };
}

/** `inner`'s folder below `outer`'s ('' when the same, ending in '/' otherwise), or undefined when it is not under it. */
export function folderUnder(outer: Location, inner: Location): string | undefined {
  const parts = (l: Location) => (l.kind === 'local' ? l.path.split('/') : [l.address.accountUrl, l.address.container, ...l.address.path.split('/')]).filter(Boolean);
  if (outer.kind !== inner.kind) return undefined;
  const a = parts(outer);
  const b = parts(inner);
  if (b.length < a.length || a.some((p, i) => b[i] !== p)) return undefined;
  const rest = b.slice(a.length).join('/');
  return rest === '' ? '' : `${rest}/`;
}

/** The location as an absolute URI, for add.path of files outside the Delta table. */
export function toLocationUri(location: Location): string {
  if (location.kind === 'local') return `file://${location.path.replace(/\/?$/, '/')}`;
  const a = location.address;
  const host = new URL(a.accountUrl).hostname;
  if (a.kind === 'onelake') return `abfss://${a.container}@onelake.dfs.fabric.microsoft.com/${a.path ? `${a.path}/` : ''}`;
  const account = /^([a-z0-9]+)\.blob\.core\.windows\.net$/i.exec(host)?.[1];
  if (account) return `abfss://${a.container}@${account}.dfs.core.windows.net/${a.path ? `${a.path}/` : ''}`;
  return `${a.accountUrl}/${a.container}/${a.path ? `${a.path}/` : ''}`;
}
