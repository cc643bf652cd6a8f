import { askedAs, checkWords, type CheckAnswer, type Question } from '../../sim/predictions.ts';
import type { TraceEvent } from '../../sim/trace.ts';
import { momentsOf, workshopScore } from '../state/workshopActions.ts';
import { useSimActions, useSimState } from './SimContext.tsx';

/** Workshop mode's switch, shown beside the run controls. */
export function WorkshopToggle() {
  const on = useSimState((s) => s.workshop !== undefined);
  const actions = useSimActions();
  return (
    <label className="inline" title="Hide the outcome and the version chain while stepping; ask the room before each decisive event; large type for a projector">
      <input type="checkbox" checked={on} onChange={(e) => actions.setWorkshop(e.target.checked)} data-testid="sim-workshop" /> Workshop mode
    </label>
  );
}

const choiceWords = (question: Question, choice: string) => (question.kind === 'check' ? checkWords[choice as CheckAnswer] : choice);

/** The question before a decisive event, or what the room said about the event in focus. */
export function WorkshopPrompt({ trace }: { trace: TraceEvent[] }) {
  const workshop = useSimState((s) => s.workshop);
  const cursor = useSimState((s) => s.cursor);
  const actions = useSimActions();
  if (!workshop) return null;
  const moments = momentsOf(trace);
  if (workshop.asking !== undefined) {
    const question = moments.get(workshop.asking)!;
    return (
      <div className="workshop-prompt" role="group" aria-label="Predict what happens next" data-testid="sim-predict">
        <p><strong>Predict: </strong>{askedAs(question, trace)}</p>
        <div className="sim-controls">
          {question.choices.map((choice) => (
            <button type="button" key={choice} onClick={() => actions.guess(choice)} data-testid={`sim-predict-${choice}`}>{choiceWords(question, choice)}</button>
          ))}
        </div>
      </div>
    );
  }
  const question = moments.get(cursor);
  const guess = workshop.guesses[cursor];
  const score = workshopScore(trace, workshop);
  return (
    <>
      {question && guess !== undefined && (
        <p className={guess === question.answer ? 'added' : 'removed'} data-testid="sim-prediction-result">
          {guess === question.answer ? `Right: ${choiceWords(question, question.answer)}.` : `Not this time: you said "${choiceWords(question, guess)}"; ${choiceWords(question, question.answer)}.`}
        </p>
      )}
      {workshop.revealed ? (
        <p data-testid="sim-workshop-score"><strong>Revealed. </strong>{score.asked === 0 ? `No predictions made (${score.moments} decisive moment(s)).` : `The room predicted ${score.right} of ${score.asked} decisive moment(s) rightly.`}</p>
      ) : (
        <p className="muted">The outcome and the version chain are hidden until the last event. <button type="button" onClick={() => actions.reveal()} data-testid="sim-reveal">Reveal now</button></p>
      )}
    </>
  );
}
