/**
 * Workshop mode's questions: the decisive moments of a trace, each asked before the event that
 * settles it. A race, when two or more writers have attempted the same version: who commits
 * it? A check, when a writer that lost a version checks the winner's commit: does it conflict,
 * or does it retry at the next version? The answer is the trace's own next event.
 */
import { sameHistory, type TraceEvent } from './trace.ts';

export type Question =
  | { kind: 'race'; version: number; choices: string[]; answer: string; catalog?: true }
  | { kind: 'check'; writer: string; version: number; choices: CheckAnswer[]; answer: CheckAnswer; catalog?: true };

export type CheckAnswer = 'conflicts' | 'retries';

export const checkWords: Record<CheckAnswer, string> = {
  conflicts: 'it conflicts: the commit fails',
  retries: 'no conflict: it tries the next version',
};

/** The question asked before event `index`, for every decisive event of the trace. */
export function decisiveMoments(trace: readonly TraceEvent[]): Map<number, Question> {
  const moments = new Map<number, Question>();
  // By history: a catalog writer's snapshot ids and the Delta table's versions are raced separately.
  const attempted = new Map<string, string[]>();
  const keyOf = (e: TraceEvent) => `${e.catalog ? 'snapshot' : 'version'} ${e.version}`;
  const inHistory = (e: TraceEvent) => (e.catalog ? { catalog: true as const } : {});
  trace.forEach((event, index) => {
    if (event.kind === 'attempt' && event.version !== undefined) {
      const writers = attempted.get(keyOf(event)) ?? [];
      if (!writers.includes(event.writer)) writers.push(event.writer);
      attempted.set(keyOf(event), writers);
    } else if (event.kind === 'committed' && event.version !== undefined) {
      const choices = attempted.get(keyOf(event)) ?? [];
      if (choices.length >= 2 && choices.includes(event.writer)) moments.set(index, { kind: 'race', version: event.version, choices: [...choices], answer: event.writer, ...inHistory(event) });
    } else if (event.kind === 'checked' && event.winningVersion !== undefined) {
      const answer: CheckAnswer = event.conflictKind ? 'conflicts' : 'retries';
      moments.set(index, { kind: 'check', writer: event.writer, version: event.winningVersion, choices: ['conflicts', 'retries'], answer, ...inHistory(event) });
    }
  });
  return moments;
}

/** The question in words, for the prompt. */
export function askedAs(question: Question, trace: readonly TraceEvent[]): string {
  const what = question.catalog ? 'snapshot id' : 'version';
  if (question.kind === 'race') return `${question.choices.join(', ')} each tried to commit ${what} ${question.version}. Who wins it?`;
  const winner = trace.find((e) => e.kind === 'committed' && e.version === question.version && sameHistory(e, question))?.writer ?? 'another writer';
  return `${question.writer} lost ${what} ${question.version} to ${winner}'s commit, and checks it against what it read and wrote. What happens?`;
}
