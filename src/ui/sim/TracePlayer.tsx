import { useEffect, useState } from 'react';
import { useSimActions } from './SimContext.tsx';

/** Play the trace event by event at a chosen speed, pause it, or scrub to any event. */
/** `noScrubbing`: workshop mode before the reveal, where skipping ahead would skip the questions. */
export function TracePlayer({ cursor, length, noScrubbing = false }: { cursor: number; length: number; noScrubbing?: boolean }) {
  const actions = useSimActions();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  useEffect(() => {
    if (!playing) return;
    if (cursor >= length - 1) {
      setPlaying(false);
      return;
    }
    // forward(): in workshop mode playing stops at each question until it is answered.
    const timer = setTimeout(() => actions.forward(), 400 / speed);
    return () => clearTimeout(timer);
  }, [playing, cursor, length, speed, actions]);
  return (
    <div className="sim-controls">
      <button type="button" onClick={() => setPlaying(!playing)} data-testid="sim-play">{playing ? '❚❚ pause' : '▶ play'}</button>
      <label>Speed{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {[1, 4, 16].map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      {!noScrubbing && <input type="range" min={-1} max={length - 1} value={cursor} onChange={(e) => actions.jumpTo(Number(e.target.value))} aria-label="Scrub through the trace" data-testid="sim-scrub" style={{ width: '20rem' }} />}
    </div>
  );
}
