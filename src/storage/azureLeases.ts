/**
 * Blob leases through the Azure SDK (Lease Blob): expected outcomes (held, breaking, lost)
 * are values, as the LeaseStore contract says; Azure's 409/412 codes decide which.
 */
import type { ContainerClient } from '@azure/storage-blob';
import { LakeError } from '../core/errors.ts';
import type { LeaseDuration, LeaseOutcome, LeaseState, LeaseStore, LeaseWriteOutcome } from '../core/objectStore.ts';
import { azureErrorCode, azureStatus, toLakeErrorFromAzure } from './azureErrors.ts';

export function createAzureLeases(container: ContainerClient, nameOf: (key: string) => string): LeaseStore {
  const blob = (key: string) => container.getBlobClient(nameOf(key));
  const outcome = (error: unknown, key: string): LeaseOutcome => {
    const code = azureErrorCode(error) ?? '';
    if (code === 'LeaseAlreadyPresent') return { status: 'held' };
    if (code === 'LeaseIsBreakingAndCannotBeAcquired') return { status: 'breaking', secondsLeft: -1 };
    if (azureStatus(error) === 409 || azureStatus(error) === 412) return { status: 'lost', reason: code };
    throw toLakeErrorFromAzure(error, 'lease', key);
  };
  return {
    async acquire(key, duration: LeaseDuration, proposedLeaseId) {
      if (duration !== 'infinite' && (!Number.isInteger(duration) || duration < 15 || duration > 60)) {
        throw new LakeError('InvalidInput', `a lease lasts 15 to 60 seconds or is infinite, got ${duration}`);
      }
      try {
        const response = await blob(key).getBlobLeaseClient(proposedLeaseId).acquireLease(duration === 'infinite' ? -1 : duration);
        return { status: 'ok', leaseId: response.leaseId ?? proposedLeaseId ?? '' };
      } catch (error) {
        const result = outcome(error, key);
        // Azurite answers LeaseAlreadyPresent where Azure says LeaseIsBreakingAndCannotBeAcquired.
        if (result.status === 'held' && (await blob(key).getProperties()).leaseState === 'breaking') return { status: 'breaking', secondsLeft: -1 };
        return result;
      }
    },
    async renew(key, leaseId) {
      try {
        await blob(key).getBlobLeaseClient(leaseId).renewLease();
        return { status: 'ok', leaseId };
      } catch (error) {
        return outcome(error, key);
      }
    },
    async change(key, leaseId, proposedLeaseId) {
      try {
        const response = await blob(key).getBlobLeaseClient(leaseId).changeLease(proposedLeaseId);
        return { status: 'ok', leaseId: response.leaseId ?? proposedLeaseId };
      } catch (error) {
        return outcome(error, key);
      }
    },
    async release(key, leaseId) {
      try {
        await blob(key).getBlobLeaseClient(leaseId).releaseLease();
        return { status: 'ok', leaseId };
      } catch (error) {
        return outcome(error, key);
      }
    },
    async break(key, breakPeriodSeconds) {
      try {
        const properties = await blob(key).getProperties();
        // Without a period, an infinite lease breaks at once and a fixed one runs out (60 s is Azure's cap: it takes the shorter).
        const period = breakPeriodSeconds ?? (properties.leaseDuration === 'infinite' ? 0 : 60);
        const response = await blob(key).getBlobLeaseClient().breakLease(period);
        return { secondsUntilBroken: response.leaseTime ?? 0 };
      } catch (error) {
        // No lease to break (another run broke and released it first): the break's end is reached.
        if ((error as { code?: string }).code === 'LeaseNotPresentWithLeaseOperation') return { secondsUntilBroken: 0 };
        throw toLakeErrorFromAzure(error, 'lease', key);
      }
    },
    async info(key) {
      try {
        const p = await blob(key).getProperties();
        const state = (p.leaseState ?? 'available') as LeaseState;
        return state === 'leased' ? { state, duration: p.leaseDuration === 'infinite' ? 'infinite' : undefined } : { state };
      } catch (error) {
        throw toLakeErrorFromAzure(error, 'head', key);
      }
    },
    async getMetadata(key) {
      try {
        return { ...((await blob(key).getProperties()).metadata ?? {}) };
      } catch (error) {
        throw toLakeErrorFromAzure(error, 'head', key);
      }
    },
    async setMetadata(key, metadata, leaseId): Promise<LeaseWriteOutcome> {
      try {
        const response = await blob(key).setMetadata(metadata, { conditions: leaseId ? { leaseId } : undefined });
        return { status: 'ok', meta: { key, size: 0, lastModified: response.lastModified?.getTime() ?? 0, etag: response.etag } };
      } catch (error) {
        if (azureStatus(error) === 412 || azureStatus(error) === 409) return { status: 'lost', reason: azureErrorCode(error) ?? 'lease' };
        throw toLakeErrorFromAzure(error, 'metadata', key);
      }
    },
  };
}
