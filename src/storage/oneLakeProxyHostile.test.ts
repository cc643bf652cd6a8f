/**
 * The same-origin OneLake route under hostile hosts and paths: other hosts, IPs in every
 * spelling, ports, user info, encoded slashes and dots, path traversal, header injection. The
 * proxy's outbound fetch records where it would go: only OneLake and Azure storage hosts, and
 * the path never changes the host.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleOneLakeProxy } from '../../vite/onelakeProxy.ts';
import { planProxyRequest } from './oneLakeProxy.ts';

const refused = [
  '/__onelake/evil.example.com/x',
  '/__onelake/127.0.0.1/x', '/__onelake/[::1]/x', '/__onelake/2130706433/x', '/__onelake/0x7f.1/x', '/__onelake/localhost/x',
  '/__onelake/169.254.169.254/metadata/identity/oauth2/token',
  '/__onelake/acct.blob.core.windows.net:443/x', '/__onelake/acct.blob.core.windows.net:8080/x',
  '/__onelake/user:pass@acct.blob.core.windows.net/x', '/__onelake/acct.blob.core.windows.net@evil.com/x',
  '/__onelake/acct.blob.core.windows.net%2F@evil.com/x', '/__onelake/acct.blob.core.windows.net%2fevil.com/x',
  '/__onelake/evil.com%2F.blob.core.windows.net/x', '/__onelake/%61cct.blob.core.windows.net/x',
  '/__onelake/acct.blob.core.windows.net./x', '/__onelake/acct.blob.core.windows.net%00.evil.com/x',
  '/__onelake/acct.blob.core.windows.net\\@evil.com/x', '/__onelake/acct.blob.core.windows.net#@evil.com/x',
  '/__onelake/onelake.dfs.fabric.microsoft.com.evil.com/x', '/__onelake/evilonelake.dfs.fabric.microsoft.com/x',
  '/__onelake/a.b.blob.core.windows.net/x', '/__onelake/acct.queue.core.windows.net/x', '/__onelake/acct.blob.core.windows.net\t/x',
];

const keptOnHost = [
  ['/__onelake/acct.blob.core.windows.net/../../etc/passwd', 'https://acct.blob.core.windows.net/etc/passwd'],
  ['/__onelake/acct.blob.core.windows.net/%2e%2e/%2e%2e/x', 'https://acct.blob.core.windows.net/x'],
  ['/__onelake/acct.blob.core.windows.net//evil.com/x', 'https://acct.blob.core.windows.net//evil.com/x'],
  ['/__onelake/acct.blob.core.windows.net/%2F%2Fevil.com/x', 'https://acct.blob.core.windows.net/%2F%2Fevil.com/x'],
  ['/__onelake/acct.blob.core.windows.net?@evil.com/x', 'https://acct.blob.core.windows.net/?@evil.com/x'],
  ['/__onelake/ONELAKE.DFS.FABRIC.MICROSOFT.COM/ws/item', 'https://onelake.dfs.fabric.microsoft.com/ws/item'],
  ['/__onelake/acct.blob.core.windows.net/x\r\nHost: evil.com', 'https://acct.blob.core.windows.net/xHost:%20evil.com'],
] as const;

describe('the OneLake route under hostile hosts and paths', () => {
  it.each(refused)('refuses %s', (path) => {
    expect(planProxyRequest(path)).toMatchObject({ status: 403 });
  });

  it.each(keptOnHost)('keeps %s on its Azure host', (path, target) => {
    expect(planProxyRequest(path)).toEqual({ target });
  });
});

describe('the route in a server, with the outbound fetch recorded', () => {
  let server: Server;
  let origin = '';
  const fetched: string[] = [];
  beforeAll(async () => {
    const record: typeof fetch = async (input) => {
      fetched.push(String(input));
      return new Response('ok', { status: 200 });
    };
    const middleware = handleOneLakeProxy(record);
    server = createServer((request, response) => middleware(request, response, () => {
      response.statusCode = 404;
      response.end();
    }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends nothing anywhere for a refused host, and only to the Azure host for the rest', async () => {
    const raw = async (path: string) => {
      // A raw request line: fetch would normalise the path before the server sees it.
      const { request } = await import('node:http');
      return new Promise<number>((resolve, reject) => {
        const req = request(`${origin}/`, { path, method: 'GET' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    };
    // Node's client sends no whitespace in a request line; the rest go as written.
    const sendable = (path: string) => !/[\s#\\]/.test(path);
    for (const path of refused.filter(sendable)) expect(await raw(path)).toBe(403);
    expect(fetched).toEqual([]);
    const kept = keptOnHost.filter(([path]) => sendable(path));
    for (const [path] of kept) expect(await raw(path)).toBe(200);
    expect(fetched).toEqual(kept.map(([, target]) => target));
  });
});
