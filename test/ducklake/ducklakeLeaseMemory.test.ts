import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { describeDucklakeLease } from './ducklakeLeaseSuite.ts';

// A clock that runs with real time: the runs' own clocks are offsets from it.
describeDucklakeLease('the memory store', async () => new MemoryStore());
