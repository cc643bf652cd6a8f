import { ManualClock } from '../core/clock.ts';
import { MemoryStore } from './memoryStore.ts';
import { describeObjectStoreContract } from './objectStoreContract.ts';

describeObjectStoreContract('MemoryStore', async () => {
  const clock = new ManualClock(1_700_000_000_000);
  return { store: new MemoryStore({ clock }), advance: (ms) => clock.advance(ms) };
}, { leases: true });
