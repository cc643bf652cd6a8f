import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ExplorerActions } from '../state/explorerActions.ts';
import type { ExplorerState, ExplorerStore } from '../state/explorerStore.ts';

export interface Explorer {
  store: ExplorerStore;
  actions: ExplorerActions;
}

export const ExplorerContext = createContext<Explorer | null>(null);

function useExplorer(): Explorer {
  const explorer = useContext(ExplorerContext);
  if (!explorer) throw new Error('ExplorerContext is missing');
  return explorer;
}

export function useExplorerState<T>(selector: (state: ExplorerState) => T): T {
  return useStore(useExplorer().store, selector);
}

export function useExplorerActions(): ExplorerActions {
  return useExplorer().actions;
}
