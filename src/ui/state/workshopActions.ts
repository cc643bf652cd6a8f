/**
 * Workshop mode: the outcome and the version chain stay hidden while the room steps through a
 * race, and before each decisive event (predictions.ts) the page asks what will happen; the
 * guess is kept and scored, and everything is revealed at the end (or on request).
 */
import { decisiveMoments, type Question } from '../../sim/predictions.ts';
import type { TraceEvent } from '../../sim/trace.ts';
import type { SimStore } from './simStore.ts';

export interface WorkshopState {
  revealed: boolean;
  /** Each answered question's guess, by the index of the event it was asked before. */
  guesses: Record<number, string>;
  /** The event whose question is on screen, unanswered. */
  asking?: number;
}

const momentsByTrace = new WeakMap<readonly TraceEvent[], Map<number, Question>>();

export function momentsOf(trace: readonly TraceEvent[]): Map<number, Question> {
  let moments = momentsByTrace.get(trace);
  if (!moments) momentsByTrace.set(trace, (moments = decisiveMoments(trace)));
  return moments;
}

/** How many questions were answered, and how many rightly. */
export function workshopScore(trace: readonly TraceEvent[], workshop: WorkshopState): { asked: number; right: number; moments: number } {
  const moments = momentsOf(trace);
  let asked = 0;
  let right = 0;
  for (const [index, guess] of Object.entries(workshop.guesses)) {
    const question = moments.get(Number(index));
    if (!question) continue;
    asked++;
    if (question.answer === guess) right++;
  }
  return { asked, right, moments: moments.size };
}

export function createWorkshopActions(store: SimStore, trace: () => TraceEvent[]) {
  const workshop = () => store.getState().workshop;
  const setWorkshop = (changes: Partial<WorkshopState>) => {
    const current = workshop();
    if (current) store.setState({ workshop: { ...current, ...changes } });
  };
  /** Moves the cursor to `index`, revealing everything once the last event is reached. */
  const moveTo = (index: number) => {
    const last = trace().length - 1;
    const cursor = Math.max(-1, Math.min(last, index));
    store.setState({ cursor });
    if (cursor === last && last >= 0) setWorkshop({ revealed: true, asking: undefined });
  };
  return {
    setWorkshop(on: boolean): void {
      store.setState({ workshop: on ? { revealed: false, guesses: {} } : undefined, cursor: on ? -1 : store.getState().cursor });
    },
    /** One event forward; in workshop mode an unanswered decisive event is asked about first. */
    forward(): void {
      const state = workshop();
      const next = store.getState().cursor + 1;
      if (state && !state.revealed && state.guesses[next] === undefined && momentsOf(trace()).has(next)) {
        setWorkshop({ asking: next });
        return;
      }
      moveTo(next);
    },
    /** Forward to the next decisive event (workshop mode) or conflict. */
    nextDecisive(): void {
      const state = workshop();
      const from = store.getState().cursor + 1;
      const events = trace();
      const moments = momentsOf(events);
      const at = events.findIndex((e, i) => i >= from && (state ? moments.has(i) : e.kind === 'conflict'));
      if (at < 0) return;
      if (state && !state.revealed && state.guesses[at] === undefined) {
        store.setState({ cursor: at - 1 });
        setWorkshop({ asking: at });
      } else moveTo(at);
    },
    guess(choice: string): void {
      const state = workshop();
      if (!state || state.asking === undefined) return;
      const at = state.asking;
      setWorkshop({ guesses: { ...state.guesses, [at]: choice }, asking: undefined });
      moveTo(at);
    },
    reveal(): void {
      setWorkshop({ revealed: true, asking: undefined });
    },
  };
}
