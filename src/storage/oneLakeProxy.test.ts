import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../../test/support/azurite.ts';
import { handleOneLakeProxy } from '../../vite/onelakeProxy.ts';
import { openAzureStore } from './azureStore.ts';
import {
  isProxyableHost, planProxyRequest, toForwardedRequestHeaders, toForwardedResponseHeaders, toProxiedAccountUrl,
} from './oneLakeProxy.ts';

describe('the OneLake proxy route', () => {
  it('maps /__onelake/<host>/<path>?<query> to https://<host>/<path>?<query>', () => {
    expect(planProxyRequest('/__onelake/onelake.blob.fabric.microsoft.com/Sales/Lake.Lakehouse/Tables/t/_delta_log/x.json?sv=1&sig=a%2Fb'))
      .toEqual({ target: 'https://onelake.blob.fabric.microsoft.com/Sales/Lake.Lakehouse/Tables/t/_delta_log/x.json?sv=1&sig=a%2Fb' });
    expect(planProxyRequest('/__onelake/myaccount.dfs.core.windows.net/data?restype=container&comp=list'))
      .toEqual({ target: 'https://myaccount.dfs.core.windows.net/data?restype=container&comp=list' });
    expect(planProxyRequest('/__onelake/onelake.dfs.fabric.microsoft.com')).toEqual({ target: 'https://onelake.dfs.fabric.microsoft.com/' });
    expect(planProxyRequest('/src/main.tsx')).toBeUndefined();
  });

  it('forwards only to OneLake and Azure storage hosts', () => {
    for (const host of ['onelake.dfs.fabric.microsoft.com', 'onelake.blob.fabric.microsoft.com', 'acct123.blob.core.windows.net', 'acct123.dfs.core.windows.net']) {
      expect(isProxyableHost(host)).toBe(true);
    }
    for (const path of [
      '/__onelake/example.com/x', '/__onelake/127.0.0.1/x', '/__onelake/evil.blob.core.windows.net.example.com/x',
      '/__onelake/acct.blob.core.windows.net:8080/x', '/__onelake/user@acct.blob.core.windows.net/x', '/__onelake/a.b.blob.core.windows.net/x',
    ]) {
      expect(planProxyRequest(path)).toMatchObject({ status: 403 });
    }
    expect(planProxyRequest('/__onelake/')).toMatchObject({ status: 400 });
  });

  it('sends the page to the proxy for Azure hosts and directly elsewhere (Azurite)', () => {
    expect(toProxiedAccountUrl('https://onelake.blob.fabric.microsoft.com', 'http://localhost:5173')).toBe('http://localhost:5173/__onelake/onelake.blob.fabric.microsoft.com');
    expect(toProxiedAccountUrl('http://127.0.0.1:10000/devstoreaccount1', 'http://localhost:5173')).toBe('http://127.0.0.1:10000/devstoreaccount1');
  });

  it('forwards Authorization, x-ms-* and conditions, never cookies or the origin; exposes ETag, metadata and lease headers', () => {
    expect(toForwardedRequestHeaders({
      Authorization: 'Bearer t', 'x-ms-version': '2025-01-05', 'x-ms-lease-id': 'L', 'If-None-Match': '*', Range: 'bytes=0-9',
      Cookie: 'c=1', Origin: 'http://localhost:5173', Host: 'localhost:5173', 'x-ms-meta-owner': ['a', 'b'],
    })).toEqual({ authorization: 'Bearer t', 'x-ms-version': '2025-01-05', 'x-ms-lease-id': 'L', 'if-none-match': '*', range: 'bytes=0-9', 'x-ms-meta-owner': 'a, b' });
    const out = toForwardedResponseHeaders([['ETag', '"0x1"'], ['x-ms-lease-state', 'leased'], ['Transfer-Encoding', 'chunked'], ['Content-Encoding', 'gzip']]);
    expect(out).toMatchObject({ etag: '"0x1"', 'x-ms-lease-state': 'leased' });
    expect(out['transfer-encoding']).toBeUndefined();
    expect(out['access-control-expose-headers']).toMatch(/etag.*x-ms-meta-\*.*x-ms-lease-\*/);
  });
});

describe('the OneLake proxy in front of a real Blob server', () => {
  let azurite: Azurite;
  let server: Server;
  let proxyOrigin = '';

  beforeAll(async () => {
    azurite = await startAzurite();
    // The proxy's outbound fetch goes to Azurite instead of the account's public host; paths
    // keep the account name, so a SAS signed for Azurite stays valid.
    const toAzurite: typeof fetch = (input, init) => fetch(String(input).replace('https://devstoreaccount1.blob.core.windows.net', azurite.accountUrl), init);
    const middleware = handleOneLakeProxy(toAzurite);
    server = createServer((request, response) => middleware(request, response, () => {
      response.statusCode = 404;
      response.end();
    }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxyOrigin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await azurite?.stop();
  });

  it('lists, writes, reads ranges and takes leases through the proxy with a SAS', async () => {
    await azurite.service.getContainerClient('workspace').create();
    const accountUrl = toProxiedAccountUrl('https://devstoreaccount1.blob.core.windows.net', proxyOrigin);
    const store = await openAzureStore({ kind: 'blob', accountUrl, container: 'workspace', path: 'Lake.Lakehouse/Tables/t' }, { kind: 'sas', token: azurite.sasFor('workspace', 'racwdl') });
    expect(await store.putIfAbsent('_delta_log/00000000000000000000.json', new TextEncoder().encode('0123456789'))).toMatchObject({ status: 'created' });
    expect(await store.putIfAbsent('_delta_log/00000000000000000000.json', new TextEncoder().encode('x'))).toEqual({ status: 'exists' });
    expect(new TextDecoder().decode(await store.get('_delta_log/00000000000000000000.json', { range: { offset: 2, length: 3 } }))).toBe('234');
    const keys: string[] = [];
    for await (const page of store.list('_delta_log/')) keys.push(...page.objects.map((o) => o.key));
    expect(keys).toEqual(['_delta_log/00000000000000000000.json']);
    const lease = await store.leases.acquire('_delta_log/00000000000000000000.json', 15);
    expect(lease.status).toBe('ok');
    expect(await store.leases.info('_delta_log/00000000000000000000.json')).toMatchObject({ state: 'leased' });
  });
});
