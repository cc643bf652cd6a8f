/**
 * Where a catalog's data path, when it is an address rather than a folder beside the catalog,
 * can be read from the catalog's own source: an abfss:// or https:// address on the same
 * storage account and container as an Azure source (through the same credential), or an
 * http(s) URL for a catalog read over HTTP. Anything else the user gives as a data path.
 */
import type { ObjectStore } from '../core/objectStore.ts';
import { HttpStore } from '../storage/httpStore.ts';
import type { SourceSpec } from './protocol.ts';
import { requestPageToken } from './pageTokens.ts';

export function dataStoreOpener(source: SourceSpec): ((dataPath: string) => Promise<ObjectStore | undefined>) | undefined {
  if (source.kind === 'azure') {
    return async (dataPath) => {
      const [{ accountNameOf, parseAzureAddress }, { openAzureStore }] = await Promise.all([import('../storage/azureAddress.ts'), import('../storage/azureStore.ts')]);
      const home = parseAzureAddress(source.address);
      let there;
      try {
        there = parseAzureAddress(dataPath);
      } catch {
        return undefined;
      }
      if (accountNameOf(there) !== accountNameOf(home) || there.container !== home.container) return undefined;
      const credential = source.credential.kind === 'pageTokens'
        ? { kind: 'tokenSource' as const, getToken: () => requestPageToken((m) => postMessage(m)) }
        : source.credential;
      return openAzureStore({ ...home, path: there.path, sas: undefined }, credential, { proxyOrigin: source.proxyOrigin });
    };
  }
  if (source.kind === 'http' || source.kind === 'sample') {
    return async (dataPath) => (/^https?:\/\//i.test(dataPath) ? new HttpStore(dataPath.endsWith('/') ? dataPath : `${dataPath}/`) : undefined);
  }
  return undefined;
}
