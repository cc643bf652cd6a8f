import { useEffect, useState } from 'react';
import { useSimActions } from './SimContext.tsx';

/** Play the trace event by event at a chosen speed, pause it, or scrub to any event. */
export function TracePlayer({ cursor, length }: { cursor: number; length: number }) {
  const actions = useSimActions();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(4);
  useEffect(() => {
    if (!playing) return;
    if (cursor >= length - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => actions.step(1), 400 / speed);
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
      <input type="range" min={-1} max={length - 1} value={cursor} onChange={(e) => actions.jumpTo(Number(e.target.value))} aria-label="Scrub through the trace" data-testid="sim-scrub" style={{ width: '20rem' }} />
    </div>
  );
}
