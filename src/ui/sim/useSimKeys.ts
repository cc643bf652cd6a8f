import { useEffect } from 'react';
import type { SimActions } from '../state/simStore.ts';

/** Keyboard shortcuts for stepping through a trace: → or space step, ← back, n the next conflict (or decisive event), Home/End, r reveal. */
export function useSimKeys(actions: SimActions, length: number): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey || length === 0) return;
      if (target && (target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName) || (target.tagName === 'INPUT' && !['checkbox', 'radio'].includes((target as HTMLInputElement).type)))) return; // typing, not stepping
      if (event.key === ' ' && target?.tagName === 'BUTTON') return; // space presses the focused button
      const handled: Record<string, () => void> = {
        ArrowRight: () => actions.forward(),
        ' ': () => actions.forward(),
        ArrowLeft: () => actions.step(-1),
        n: () => actions.nextDecisive(),
        Home: () => actions.jumpTo(-1),
        End: () => {
          actions.reveal();
          actions.jumpTo(length - 1);
        },
        r: () => actions.reveal(),
      };
      const run = handled[event.key];
      if (!run) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, length]);
}
