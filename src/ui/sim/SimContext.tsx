import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SimActions, SimState, SimStore } from '../state/simStore.ts';

export const SimContext = createContext<{ store: SimStore; actions: SimActions } | null>(null);

function useSim() {
  const sim = useContext(SimContext);
  if (!sim) throw new Error('SimContext is missing');
  return sim;
}

export function useSimState<T>(selector: (state: SimState) => T): T {
  return useStore(useSim().store, selector);
}

export function useSimActions(): SimActions {
  return useSim().actions;
}
