/** The catalog lease protocol on the memory store (the simulator's store). */
import { describeCatalogLeaseProtocol } from './catalogLeaseSuite.ts';
import { MemoryStore } from './memoryStore.ts';
import { describeCatalogLeaseFaults } from './catalogLeaseFaultSuite.ts';

describeCatalogLeaseProtocol('the memory store', async () => new MemoryStore());
describeCatalogLeaseFaults('the memory store', async () => new MemoryStore());
