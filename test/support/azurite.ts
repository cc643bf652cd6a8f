/**
 * A real Azure Blob server for tests: Azurite (npm), started on 127.0.0.1 with a free port and
 * a temporary folder, CORS open for browser tests. Its dev account and well-known key.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BlobServiceClient, ContainerSASPermissions, StorageSharedKeyCredential, generateBlobSASQueryParameters,
} from '@azure/storage-blob';

export const azuriteAccount = 'devstoreaccount1';
export const azuriteKey = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  accountUrl: string;
  /** For tools that take one (Azure CLI, other SDKs). */
  connectionString: string;
  credential: StorageSharedKeyCredential;
  /** The same as `credential`. */
  sharedKeyCredential: StorageSharedKeyCredential;
  service: BlobServiceClient;
  /** A container SAS (query string) with these permissions, e.g. "racwdl". */
  sasFor(container: string, permissions: string, expiresInMs?: number): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Start Azurite; `containers` are created before it returns. */
export async function startAzurite(options: { containers?: string[] } = {}): Promise<Azurite> {
  const port = await freePort();
  const location = mkdtempSync(join(tmpdir(), 'lakelab-azurite-'));
  const bin = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'azurite-blob');
  const child: ChildProcess = spawn(bin, ['--silent', '--location', location, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--skipApiVersionCheck', '--loose', '--disableTelemetry'], { stdio: 'ignore' });
  const accountUrl = `http://127.0.0.1:${port}/${azuriteAccount}`;
  const credential = new StorageSharedKeyCredential(azuriteAccount, azuriteKey);
  const service = new BlobServiceClient(accountUrl, credential);
  // Generous: on a loaded 2-core machine Azurite itself takes tens of seconds to start.
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      await service.getProperties();
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`Azurite did not start on port ${port}: ${(error as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await service.setProperties({
    cors: [{ allowedOrigins: '*', allowedMethods: 'GET,HEAD,PUT,POST,DELETE,OPTIONS,MERGE', allowedHeaders: '*', exposedHeaders: '*', maxAgeInSeconds: 3600 }],
  });
  for (const name of options.containers ?? []) await service.getContainerClient(name).createIfNotExists();
  return {
    accountUrl,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${azuriteAccount};AccountKey=${azuriteKey};BlobEndpoint=${accountUrl};`,
    credential,
    sharedKeyCredential: credential,
    service,
    sasFor(container, permissions, expiresInMs = 3_600_000) {
      return generateBlobSASQueryParameters({
        containerName: container,
        permissions: ContainerSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + expiresInMs),
      }, credential).toString();
    },
    async stop() {
      // Azurite may still be writing its files as it exits (ENOTEMPTY on a busy machine): wait for it, then retry.
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      rmSync(location, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
