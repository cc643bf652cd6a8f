/**
 * Azure Blob lease semantics in memory, on an injected clock (see azure-onelake.md and the
 * LeaseStore contract): acquire 15-60 s or infinite, renew, change, release, break with a
 * period; expired and broken leases can be taken; the lease fences writes.
 */
import { LakeError } from '../core/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { LeaseDuration, LeaseInfo, LeaseOutcome, LeaseState } from '../core/objectStore.ts';

interface Lease {
  id: string;
  duration: LeaseDuration;
  /** Fixed leases expire at this time (ms). */
  expiresAt?: number;
  /** A breaking lease is broken from this time (ms). */
  brokenAt?: number;
  released: boolean;
}

export class LeaseTable {
  private readonly leases = new Map<string, Lease>();

  constructor(private readonly clock: Pick<Clock, 'now'>, private readonly newId: () => string = () => globalThis.crypto.randomUUID()) {}

  stateOf(key: string): { state: LeaseState; lease?: Lease } {
    const lease = this.leases.get(key);
    if (!lease || lease.released) return { state: 'available' };
    const now = this.clock.now();
    if (lease.brokenAt !== undefined) return { state: now >= lease.brokenAt ? 'broken' : 'breaking', lease };
    if (lease.expiresAt !== undefined && now >= lease.expiresAt) return { state: 'expired', lease };
    return { state: 'leased', lease };
  }

  info(key: string): LeaseInfo {
    const { state, lease } = this.stateOf(key);
    return state === 'leased' && lease ? { state, duration: lease.duration } : { state };
  }

  acquire(key: string, duration: LeaseDuration, proposedLeaseId?: string): LeaseOutcome {
    checkDuration(duration);
    const { state, lease } = this.stateOf(key);
    if (state === 'leased' && lease) {
      if (proposedLeaseId !== lease.id) return { status: 'held' };
      this.leases.set(key, this.newLease(lease.id, duration));
      return { status: 'ok', leaseId: lease.id };
    }
    if (state === 'breaking' && lease) return { status: 'breaking', secondsLeft: Math.ceil(((lease.brokenAt ?? 0) - this.clock.now()) / 1000) };
    const id = proposedLeaseId ?? this.newId();
    this.leases.set(key, this.newLease(id, duration));
    return { status: 'ok', leaseId: id };
  }

  renew(key: string, leaseId: string): LeaseOutcome {
    const { state, lease } = this.stateOf(key);
    if (!lease || lease.id !== leaseId || state === 'available') return { status: 'lost', reason: 'LeaseIdMismatchWithLeaseOperation: this lease id does not hold the lease' };
    if (state === 'breaking' || state === 'broken') return { status: 'lost', reason: 'LeaseIsBrokenAndCannotBeRenewed: the lease was broken' };
    this.leases.set(key, this.newLease(leaseId, lease.duration));
    return { status: 'ok', leaseId };
  }

  change(key: string, leaseId: string, proposedLeaseId: string): LeaseOutcome {
    const { state, lease } = this.stateOf(key);
    if (state !== 'leased' || !lease) return { status: 'lost', reason: 'LeaseNotPresentWithLeaseOperation: there is no active lease' };
    if (lease.id !== leaseId && lease.id !== proposedLeaseId) return { status: 'lost', reason: 'LeaseIdMismatchWithLeaseOperation: this lease id does not hold the lease' };
    lease.id = proposedLeaseId;
    return { status: 'ok', leaseId: proposedLeaseId };
  }

  release(key: string, leaseId: string): LeaseOutcome {
    const { state, lease } = this.stateOf(key);
    if (!lease || state === 'available' || lease.id !== leaseId) return { status: 'lost', reason: 'LeaseIdMismatchWithLeaseOperation: this lease id does not hold the lease' };
    lease.released = true;
    return { status: 'ok', leaseId };
  }

  break(key: string, breakPeriodSeconds?: number): { secondsUntilBroken: number } {
    if (breakPeriodSeconds !== undefined && (breakPeriodSeconds < 0 || breakPeriodSeconds > 60)) {
      throw new LakeError('InvalidInput', `a break period is 0 to 60 seconds, got ${breakPeriodSeconds}`);
    }
    const { state, lease } = this.stateOf(key);
    const now = this.clock.now();
    if (!lease || state === 'available' || state === 'broken') return { secondsUntilBroken: 0 };
    const remaining = state === 'expired' ? 0 : lease.expiresAt !== undefined ? lease.expiresAt - now : Number.POSITIVE_INFINITY;
    const already = state === 'breaking' ? (lease.brokenAt ?? now) - now : Number.POSITIVE_INFINITY;
    const requested = breakPeriodSeconds === undefined ? (lease.duration === 'infinite' ? 0 : remaining) : breakPeriodSeconds * 1000;
    const wait = Math.max(0, Math.min(requested, remaining, already));
    lease.brokenAt = now + wait;
    return { secondsUntilBroken: Math.ceil(wait / 1000) };
  }

  /** A problem when a write with `leaseId` (or none) must be refused, as Azure answers 412. */
  checkWrite(key: string, leaseId: string | undefined): string | undefined {
    const { state, lease } = this.stateOf(key);
    const active = state === 'leased' || state === 'breaking';
    if (active && !leaseId) return `LeaseIdMissing: ${key} is leased; the write must carry the lease id`;
    if (active && lease && lease.id !== leaseId) return `LeaseIdMismatchWithBlobOperation: ${key} is leased under another id`;
    if (!active && leaseId) return `LeaseLost: the lease on ${key} has ${state === 'available' ? 'been released' : state === 'expired' ? 'expired' : 'been broken'}`;
    return undefined;
  }

  forget(key: string): void {
    this.leases.delete(key);
  }

  private newLease(id: string, duration: LeaseDuration): Lease {
    return { id, duration, expiresAt: duration === 'infinite' ? undefined : this.clock.now() + duration * 1000, released: false };
  }
}

function checkDuration(duration: LeaseDuration): void {
  if (duration !== 'infinite' && (!Number.isInteger(duration) || duration < 15 || duration > 60)) {
    throw new LakeError('InvalidInput', `a lease lasts 15 to 60 seconds or is infinite, got ${duration}`);
  }
}
