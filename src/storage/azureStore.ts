/**
 * An ObjectStore over Azure Blob storage, ADLS Gen2 and OneLake (through their Blob endpoint,
 * which Azurite also serves), with blob leases and metadata. The Azure SDK loads only when a
 * user connects (openAzureStore). Keys are relative to the address's folder.
 */
import type { ContainerClient } from '@azure/storage-blob';
import { LakeError } from '../core/errors.ts';
import {
  checkKey, type GetOptions, type LeaseStore, type ListOptions, type ListPage, type ObjectMeta, type ObjectStore,
  type PutIfAbsentOutcome, type PutOptions,
} from '../core/objectStore.ts';
import type { AzureAddress } from './azureAddress.ts';
import { redactSecrets } from './azureAddress.ts';
import { azureErrorCode, azureStatus, toLakeErrorFromAzure } from './azureErrors.ts';
import { createAzureLeases } from './azureLeases.ts';
import { jwtExpiry, toSasExpiry, toTokenCredential, type AzureCredential } from './azureCredential.ts';
import { toProxiedAccountUrl } from './oneLakeProxy.ts';

export class AzureBlobStore implements ObjectStore {
  readonly readOnly = false;
  readonly description: string;
  readonly leases: LeaseStore;
  private readonly base: string;

  /** `credentialExpiresOn` (ms): when the SAS or token expires, so a refusal after it says so. */
  constructor(private readonly container: ContainerClient, folder: string, description: string, private readonly credentialExpiresOn?: number) {
    this.base = folder ? `${folder.replace(/\/+$/, '')}/` : '';
    this.description = redactSecrets(description);
    this.leases = createAzureLeases(container, (key) => this.blobName(key));
  }

  async *list(prefix: string, options: ListOptions = {}): AsyncIterable<ListPage> {
    const full = this.base + prefix;
    try {
      if (options.delimiter) {
        for await (const page of this.container.listBlobsByHierarchy('/', { prefix: full, includeMetadata: true }).byPage({ maxPageSize: 5000 })) {
          const items = page.segment;
          yield {
            objects: items.blobItems.filter((b) => b.metadata?.hdi_isfolder !== 'true').map((b) => this.toMeta(b.name, b.properties)),
            prefixes: items.blobPrefixes?.map((p) => p.name.slice(this.base.length)) ?? [],
          };
        }
        return;
      }
      for await (const page of this.container.listBlobsFlat({ prefix: full, includeMetadata: true }).byPage({ maxPageSize: 5000 })) {
        // Hierarchical namespaces (ADLS Gen2, OneLake) list folders as empty blobs marked hdi_isfolder.
        const objects = page.segment.blobItems.filter((b) => b.metadata?.hdi_isfolder !== 'true').map((b) => this.toMeta(b.name, b.properties));
        yield { objects, prefixes: [] };
      }
    } catch (error) {
      throw this.toError(error, 'list', prefix || '/');
    }
  }

  async head(key: string): Promise<ObjectMeta> {
    try {
      const properties = await this.blob(key).getProperties();
      return { key, size: properties.contentLength ?? 0, lastModified: properties.lastModified?.getTime() ?? 0, etag: properties.etag };
    } catch (error) {
      throw this.toError(error, 'head', key);
    }
  }

  async get(key: string, options: GetOptions = {}): Promise<Uint8Array> {
    const blob = this.blob(key);
    try {
      if (options.range) {
        if (options.range.length <= 0) return new Uint8Array(0);
        // Explicit offset and count (suffix ranges, bytes=-N, break Azurite); the service clips a
        // range past the end and answers 416 for one starting at or after it: one request either way.
        try {
          return await readBody(await blob.download(options.range.offset, options.range.length, { abortSignal: options.signal as never }));
        } catch (error) {
          if (azureStatus(error) === 416) return new Uint8Array(0);
          throw error;
        }
      }
      return await readBody(await blob.download(0, undefined, { abortSignal: options.signal as never }));
    } catch (error) {
      throw this.toError(error, 'get', key);
    }
  }

  async put(key: string, data: Uint8Array, options: PutOptions = {}): Promise<ObjectMeta> {
    try {
      const response = await this.blob(key).getBlockBlobClient().uploadData(data, {
        conditions: options.leaseId ? { leaseId: options.leaseId } : undefined,
        blobHTTPHeaders: options.contentType ? { blobContentType: options.contentType } : undefined,
        metadata: options.metadata,
      });
      return { key, size: data.length, lastModified: response.lastModified?.getTime() ?? 0, etag: response.etag };
    } catch (error) {
      throw this.toError(error, 'put', key);
    }
  }

  async putIfAbsent(key: string, data: Uint8Array, options: PutOptions = {}): Promise<PutIfAbsentOutcome> {
    try {
      const response = await this.blob(key).getBlockBlobClient().uploadData(data, {
        conditions: { ifNoneMatch: '*', ...(options.leaseId ? { leaseId: options.leaseId } : {}) },
      });
      return { status: 'created', meta: { key, size: data.length, lastModified: response.lastModified?.getTime() ?? 0, etag: response.etag } };
    } catch (error) {
      // Azure answers a lost conditional create with 412 ConditionNotMet; Azurite with 409 BlobAlreadyExists.
      const code = azureErrorCode(error);
      if ((azureStatus(error) === 412 && code === 'ConditionNotMet') || (azureStatus(error) === 409 && code === 'BlobAlreadyExists')) return { status: 'exists' };
      throw this.toError(error, 'putIfAbsent', key);
    }
  }

  async delete(key: string, options: { leaseId?: string } = {}): Promise<void> {
    try {
      await this.blob(key).deleteIfExists({ conditions: options.leaseId ? { leaseId: options.leaseId } : undefined });
    } catch (error) {
      throw this.toError(error, 'delete', key);
    }
  }

  private toError(error: unknown, operation: string, key: string) {
    return toLakeErrorFromAzure(error, operation, key, this.credentialExpiresOn);
  }

  private blob(key: string) {
    return this.container.getBlobClient(this.blobName(key));
  }

  private blobName(key: string): string {
    const problem = checkKey(key);
    if (problem) throw new LakeError('InvalidInput', problem);
    return this.base + key;
  }

  private toMeta(name: string, properties: { contentLength?: number; lastModified?: Date; etag?: string }): ObjectMeta {
    return { key: name.slice(this.base.length), size: properties.contentLength ?? 0, lastModified: properties.lastModified?.getTime() ?? 0, etag: properties.etag };
  }
}

async function readBody(response: { blobBody?: Promise<Blob>; readableStreamBody?: NodeJS.ReadableStream }): Promise<Uint8Array> {
  if (response.blobBody) return new Uint8Array(await (await response.blobBody).arrayBuffer());
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.readableStreamBody as AsyncIterable<Uint8Array>) chunks.push(chunk);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Connect: the Azure SDK is loaded here, on first use. */
export async function openAzureStore(address: AzureAddress, credential: AzureCredential, options: { proxyOrigin?: string } = {}): Promise<AzureBlobStore> {
  const sdk = await import('@azure/storage-blob');
  // Through the page's same-origin route when the service does not answer CORS (OneLake).
  const accountUrl = options.proxyOrigin ? toProxiedAccountUrl(address.accountUrl, options.proxyOrigin) : address.accountUrl;
  const containerUrl = `${accountUrl}/${encodeURIComponent(address.container)}`;
  let container: ContainerClient;
  switch (credential.kind) {
    case 'sas':
      container = new sdk.ContainerClient(`${containerUrl}?${credential.token}`);
      break;
    case 'bearer': case 'tokenSource':
      container = new sdk.ContainerClient(containerUrl, toTokenCredential(credential));
      break;
    case 'sharedKey':
      container = new sdk.ContainerClient(containerUrl, new sdk.StorageSharedKeyCredential(credential.accountName, credential.accountKey));
      break;
    case 'anonymous':
      container = new sdk.ContainerClient(containerUrl);
      break;
  }
  const expiresOn = credential.kind === 'sas' ? toSasExpiry(credential.token) : credential.kind === 'bearer' ? jwtExpiry(credential.token) : undefined;
  return new AzureBlobStore(container, address.path, `${address.kind} ${address.accountUrl}/${address.container}/${address.path}`, expiresOn);
}
