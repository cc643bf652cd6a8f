/**
 * The same-origin route to OneLake and Azure storage for pages whose origin the service does not
 * answer with CORS headers (OneLake: see docs/decisions/0003-onelake-cors.md). The dev and preview
 * servers forward `/__onelake/<host>/<path>?<query>` to `https://<host>/<path>?<query>`, only for
 * Azure storage hosts, so the route cannot be used to reach anything else.
 */
export const oneLakeProxyPrefix = '/__onelake/';

const allowedHosts = [
  /^onelake\.(dfs|blob)\.fabric\.microsoft\.com$/,
  /^[a-z0-9]{3,24}\.(blob|dfs)\.core\.windows\.net$/,
];

export function isProxyableHost(host: string): boolean {
  return allowedHosts.some((pattern) => pattern.test(host));
}

export type ProxyPlan = { target: string } | { status: 400 | 403; problem: string };

/** Where a request to the proxy route goes; undefined when the path is not the proxy's. */
export function planProxyRequest(pathAndQuery: string): ProxyPlan | undefined {
  if (!pathAndQuery.startsWith(oneLakeProxyPrefix)) return undefined;
  const rest = pathAndQuery.slice(oneLakeProxyPrefix.length);
  const slash = rest.search(/[/?]|$/);
  const host = rest.slice(0, slash).toLowerCase();
  if (!host) return { status: 400, problem: `expected ${oneLakeProxyPrefix}<host>/<path>` };
  // A port, user info or an IP would let the route reach other servers.
  if (!isProxyableHost(host)) return { status: 403, problem: `${host} is not an Azure storage or OneLake host` };
  const tail = rest.slice(slash);
  const target = new URL(`https://${host}${tail.startsWith('/') ? tail : `/${tail}`}`);
  if (target.host !== host) return { status: 403, problem: `${host} is not an Azure storage or OneLake host` };
  return { target: target.href };
}

/** The page's account URL through the proxy: https://onelake.blob.fabric.microsoft.com -> <origin>/__onelake/onelake.blob.fabric.microsoft.com */
export function toProxiedAccountUrl(accountUrl: string, origin: string): string {
  const url = new URL(accountUrl);
  if (url.protocol !== 'https:' || !isProxyableHost(url.hostname)) return accountUrl;
  return `${origin.replace(/\/+$/, '')}${oneLakeProxyPrefix}${url.hostname}${url.pathname.replace(/\/+$/, '')}`;
}

const forwardedRequestHeaders = new Set([
  'authorization', 'content-type', 'content-length', 'content-md5', 'range', 'accept',
  'if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since',
]);

/** Request headers worth sending on: authorization, x-ms-*, conditions, ranges; never cookies, origin or host. */
export function toForwardedRequestHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || !(lower.startsWith('x-ms-') || forwardedRequestHeaders.has(lower))) continue;
    out[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

const droppedResponseHeaders = new Set([
  'connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'upgrade', 'set-cookie',
  'strict-transport-security', 'access-control-allow-origin', 'access-control-expose-headers',
]);

/**
 * Response headers for the page: hop-by-hop and encoding headers dropped (the proxy's fetch
 * already decoded the body), the ones the lease and commit code reads exposed.
 */
export function toForwardedResponseHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  const names: string[] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (droppedResponseHeaders.has(lower)) continue;
    out[lower] = value;
    names.push(lower);
  }
  out['access-control-expose-headers'] = ['etag', 'last-modified', 'content-length', 'content-range', 'x-ms-meta-*', 'x-ms-lease-*', ...names.filter((n) => n.startsWith('x-ms-'))].join(', ');
  return out;
}
