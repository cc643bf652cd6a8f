/**
 * The addresses users paste for OneLake, ADLS Gen2 and Blob storage, turned into a Blob
 * endpoint, a container and a path (Lakelab talks to the Blob endpoint: Azurite has no DFS).
 * OneLake: the workspace plays the container. Secrets (SAS) are split off, never kept in text.
 */
import { LakeError } from '../core/errors.ts';

export interface AzureAddress {
  kind: 'onelake' | 'adls' | 'blob';
  /** The Blob service endpoint, e.g. https://onelake.blob.fabric.microsoft.com */
  accountUrl: string;
  container: string;
  /** The folder inside the container, without leading or trailing '/'. */
  path: string;
  workspace?: string;
  item?: string;
  /** Lakehouse, Warehouse, ... when the item is named with its type. */
  itemType?: string;
  /** A SAS token from the URL's query, without its leading '?'. */
  sas?: string;
}

const oneLakeHosts = /^onelake\.(dfs|blob)\.fabric\.microsoft\.com$/i;
const accountHost = /^([a-z0-9]{3,24})\.(dfs|blob)\.core\.windows\.net$/i;
const expected = 'expected abfss://<workspace>@onelake.dfs.fabric.microsoft.com/<item>.Lakehouse/Tables/<table>, https://onelake.dfs.fabric.microsoft.com/<workspace>/<item>/..., abfss://<container>@<account>.dfs.core.windows.net/<path>, https://<account>.blob.core.windows.net/<container>/<path>[?sas] or http://127.0.0.1:10000/<account>/<container>/<path>';

export function parseAzureAddress(text: string): AzureAddress {
  const input = text.trim();
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new LakeError('InvalidInput', `"${redactSecrets(input)}" is not an address: ${expected}`);
  }
  const sas = url.search.length > 1 ? url.search.slice(1) : undefined;
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new LakeError('InvalidInput', `"${redactSecrets(input)}" has a malformed %-escape in "${part}": write % as %25`);
    }
  };
  const segments = url.pathname.split('/').filter(Boolean).map(decode);
  if (url.protocol === 'abfss:' || url.protocol === 'abfs:') {
    const container = decode(url.username);
    if (!container) throw new LakeError('InvalidInput', `"${redactSecrets(input)}" names no container or workspace before "@": ${expected}`);
    return withSas(fromHost(url.hostname, container, segments, input), sas);
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    if (oneLakeHosts.test(url.hostname) || accountHost.test(url.hostname)) {
      const [container, ...rest] = segments;
      if (!container) throw new LakeError('InvalidInput', `"${redactSecrets(input)}" names no ${oneLakeHosts.test(url.hostname) ? 'workspace' : 'container'}: ${expected}`);
      return withSas(fromHost(url.hostname, container, rest, input), sas);
    }
    // Azurite and other emulators: http://host:port/<account>/<container>/<path>
    const [account, container, ...rest] = segments;
    if (!account || !container) throw new LakeError('InvalidInput', `"${redactSecrets(input)}": ${expected}`);
    return withSas({ kind: 'blob', accountUrl: `${url.protocol}//${url.host}/${account}`, container, path: rest.join('/') }, sas);
  }
  throw new LakeError('InvalidInput', `"${redactSecrets(input)}" uses ${url.protocol}, which Lakelab does not read: ${expected}`);
}

function fromHost(host: string, container: string, segments: string[], input: string): AzureAddress {
  if (oneLakeHosts.test(host)) {
    const [item] = segments;
    const typed = item ? /^(.+)\.([A-Za-z]+)$/.exec(item) : null;
    const itemType = typed?.[2] ? toItemType(typed[2]) : undefined;
    const address: AzureAddress = { kind: 'onelake', accountUrl: 'https://onelake.blob.fabric.microsoft.com', container, path: segments.join('/'), workspace: container };
    if (item) address.item = typed ? typed[1] : item;
    if (itemType) address.itemType = itemType;
    return address;
  }
  const account = accountHost.exec(host);
  if (!account) throw new LakeError('InvalidInput', `"${redactSecrets(input)}": unknown host ${host}; ${expected}`);
  return { kind: account[2]?.toLowerCase() === 'dfs' ? 'adls' : 'blob', accountUrl: `https://${account[1]}.blob.core.windows.net`, container, path: segments.join('/') };
}

const itemTypes = ['Lakehouse', 'Warehouse', 'KQLDatabase', 'SQLDatabase', 'MirroredDatabase', 'SemanticModel', 'Eventhouse'];

/** Fabric writes item types in any case in paths (`Lake.lakehouse`); Lakelab shows the canonical name. */
function toItemType(suffix: string): string {
  return itemTypes.find((t) => t.toLowerCase() === suffix.toLowerCase()) ?? suffix;
}

function withSas(address: AzureAddress, sas: string | undefined): AzureAddress {
  return sas ? { ...address, sas } : address;
}

/** Remove SAS signatures, bearer tokens and keys from any text before it is shown or logged. */
export function redactSecrets(text: string): string {
  return text
    .replace(/([?&]sig=)[^&\s"']+/gi, '$1REDACTED')
    .replace(/(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/g, '$1REDACTED')
    .replace(/(Authorization["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1REDACTED')
    .replace(/(AccountKey=)[^;\s]+/gi, '$1REDACTED')
    .replace(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g, 'REDACTED_TOKEN');
}

/**
 * The storage account an address is on, by name: "onelake" for OneLake, the account of a
 * *.core.windows.net host, or an emulator's account segment (Azurite: devstoreaccount1).
 * Account names are unique across Azure, so one name is one account, whichever endpoint names it.
 */
export function accountNameOf(address: AzureAddress): string {
  if (address.kind === 'onelake') return 'onelake';
  const url = new URL(address.accountUrl);
  const host = /^([a-z0-9]{3,24})\.(blob|dfs)\.core\.windows\.net$/i.exec(url.hostname);
  return (host?.[1] ?? url.pathname.split('/').filter(Boolean).pop() ?? url.host).toLowerCase();
}
