import { scenarioLibrary } from '../../sim/scenarioLibrary.ts';
import { explainConflictKind } from '../../sim/conflictStories.ts';
import { toTraceJsonl } from '../../sim/trace.ts';
import { describeConflicts } from '../../sim/figures.ts';
import { saveFile } from '../shared/saveFile.ts';
import { LoadableView } from '../shared/LoadableView.tsx';
import { useSimActions, useSimState } from './SimContext.tsx';
import { Swimlane } from './Swimlane.tsx';
import { RuleComparison } from './RuleComparison.tsx';
import { ScenarioFiles } from './ScenarioFiles.tsx';
import { TracePlayer } from './TracePlayer.tsx';
import { ConflictGraph, VersionChain } from './VersionChain.tsx';
import { SweepChart } from './SweepChart.tsx';
import { SeedStatisticsView } from './SeedStatisticsView.tsx';
import { canPickDirectory, pickDirectory } from '../explorer/folderTables.ts';
import { LiveOnAzure } from './LiveOnAzure.tsx';
import { hasCatalog, useOpenSimulatedTable } from './openSimulatedTable.ts';
import { ScenarioEditor } from './editor/ScenarioEditor.tsx';
import { WorkshopPrompt, WorkshopToggle } from './Workshop.tsx';
import { ConflictDetails } from './ConflictDetails.tsx';
import { useSimKeys } from './useSimKeys.ts';

/** Racing writers on virtual time: pick a scenario and a seed, run, step through the trace. */
export function SimulatorPage() {
  const scenarioName = useSimState((s) => s.scenario);
  const seed = useSimState((s) => s.seed);
  const run = useSimState((s) => s.run);
  const dropped = useSimState((s) => s.dropped);
  const cursor = useSimState((s) => s.cursor);
  const actions = useSimActions();
  const custom = useSimState((s) => s.custom);
  const scenario = custom ?? scenarioLibrary.find((s) => s.name === scenarioName);
  const liveRunning = useSimState((s) => s.liveRunning);
  const openSimulated = useOpenSimulatedTable();
  const workshop = useSimState((s) => s.workshop);
  const hidden = workshop !== undefined && !workshop.revealed;
  useSimKeys(actions, run.status === 'ready' ? run.value.trace.length : 0);
  return (
    <section className={`panel simulator${workshop ? ' workshop' : ''}`} aria-labelledby="sim-title">
      <h2 id="sim-title">Simulator: racing writers</h2>
      <div className="sim-controls">
        <label>Scenario{' '}
          <select value={custom ? '' : scenarioName} onChange={(e) => actions.setScenario(e.target.value)} data-testid="sim-scenario">
            {custom && <option value="">{custom.title} (imported)</option>}
            {scenarioLibrary.map((s) => <option key={s.name} value={s.name}>{s.title}</option>)}
          </select>
        </label>
        <label>Seed{' '}
          <input type="number" min={1} value={seed} onChange={(e) => actions.setSeed(Number(e.target.value) || 1)} data-testid="sim-seed" style={{ width: '6rem' }} />
        </label>
        <button type="button" onClick={() => void actions.runSimulation()} data-testid="sim-run">Run</button>
        <button type="button" onClick={() => void actions.runLiveSimulation()} data-testid="sim-run-live" title="Each writer a real Web Worker at full speed: not replayable">Run live</button>
        <WorkshopToggle />
        {liveRunning && <button type="button" onClick={() => actions.cancelLive()} data-testid="sim-cancel-live" title="Stop the live run's workers where they are">Cancel live run</button>}
        {canPickDirectory() && (
          <button type="button" title="Live, against an empty local folder: the race leaves a real Delta table there" onClick={() => void pickDirectory().then((folder) => actions.runLiveSimulation({ kind: 'folder', folder }), () => undefined)}>
            Run live in a folder…
          </button>
        )}
      </div>
      <LiveOnAzure onRun={(target) => actions.runLiveSimulation(target)} />
      {scenario && !hidden && <p className="explanation" data-testid="sim-explanation">{custom ? <strong>{custom.title}: </strong> : null}{scenario.explanation}</p>}
      <ScenarioFiles />
      <ScenarioEditor />
      {dropped && (
        <p className="muted" role="status" data-testid="sim-dropped">
          The {dropped.live ? 'live ' : ''}run of {dropped.scenario} finished after you moved on; its outcome is not shown here, where it does not belong. Run it again to see it.
        </p>
      )}
      <LoadableView value={run} what="the simulation">
        {(result) => {
          const focus = result.trace[cursor];
          return (
            <div>
              <div className="sim-controls" role="toolbar" aria-label="Step through the trace">
                <button type="button" onClick={() => actions.jumpTo(-1)}>|◀ start</button>
                <button type="button" onClick={() => actions.step(-1)} data-testid="sim-back">◀ back</button>
                <button type="button" onClick={() => actions.forward()} data-testid="sim-step">step ▶</button>
                <button type="button" onClick={() => (workshop ? actions.nextDecisive() : actions.nextConflict())} data-testid="sim-next-conflict">{workshop ? 'next decisive event ▶▶' : 'next conflict ▶▶'}</button>
                {!hidden && <button type="button" onClick={() => actions.jumpTo(result.trace.length - 1)}>end ▶|</button>}
                <span className="muted">event {cursor + 1} of {result.trace.length}</span>
                <span className="muted keys" aria-label="Keyboard shortcuts">keys: → or space step · ← back · n next {workshop ? 'decisive event' : 'conflict'} · Home/End{workshop ? ' · r reveal' : ''}</span>
              </div>
              <WorkshopPrompt trace={result.trace} />
              <TracePlayer cursor={cursor} length={result.trace.length} noScrubbing={hidden} />
              <Swimlane trace={hidden ? result.trace.slice(0, cursor + 1) : result.trace} cursor={cursor} onPick={actions.jumpTo} violations={hidden ? [] : result.invariantViolations} />
              {focus && (
                <div className={`sim-focus ${focus.kind === 'conflict' ? 'conflict' : ''}`} data-testid="sim-focus">
                  <strong>{focus.t} ms · {focus.writer} · {focus.kind}</strong>
                  {focus.version !== undefined && <span> · version {focus.version}</span>}
                  {focus.operation && <span> · {focus.operation}</span>}
                  {focus.kind === 'conflict' && (
                    <>
                      <pre className="delta-message">{focus.message}</pre>
                      <p>It lost to version {focus.winningVersion}. {explainConflictKind(focus.conflictKind ?? '')}</p>
                      {focus.advice && <p data-testid="sim-advice"><strong>Would another isolation level or rule set have let it through? </strong>{focus.advice}</p>}
                      <ConflictGraph conflict={focus} trace={result.trace} />
                      {result.conflictDetails?.[cursor] && <ConflictDetails detail={result.conflictDetails[cursor]!} />}
                    </>
                  )}
                  {focus.kind !== 'conflict' && focus.message && <p className="muted">{focus.message}</p>}
                </div>
              )}
              {!hidden && <VersionChain trace={result.trace} onOpen={result.table ? (version) => openSimulated(result, version) : undefined} />}
              {!hidden && hasCatalog(result) && (
                <p>
                  <button type="button" onClick={() => openSimulated(result, undefined, 'catalog')} data-testid="sim-open-catalog">Open the DuckLake catalog the runs left</button>{' '}
                  <span className="muted">a real SQLite catalog: each snapshot one run's commit (its author the run), every snapshot readable in the explorer</span>
                </p>
              )}
              {result.table && !hidden && <p className="muted">Click a version to open the table the run left at it in the explorer (history, files, rows).</p>}
              {!hidden && <div className="sim-summary" data-testid="sim-summary">
                <h3 data-testid="sim-outcome">{result.live ? `Outcome of ${result.scenario}, a live run on ${result.liveOn ?? 'an in-memory store'} (real workers, real time: not replayable)` : `Outcome of ${result.scenario} (seed ${result.seed}: the same seed replays the same race)`}</h3>
                <ul>{Object.entries(result.outcomes).map(([w, o]) => <li key={w}><strong>{w}</strong>: {o}</li>)}</ul>
                <p>
                  {result.summary.commits} commit(s), {describeConflicts(result.summary.conflicts)}, {result.summary.retries} version retries,{' '}
                  {result.summary.recomputes} recomputes, {result.summary.wasted} planned write(s) wasted ({result.summary.wastedFiles} data file(s)), {result.summary.throughput} commits/s. Invariants: {result.invariantViolations.length === 0 ? 'all hold' : <span className="removed" data-testid="sim-violations">{result.invariantViolations.map((v) => v.message).join('; ')}</span>}.
                </p>
                <button type="button" data-testid="sim-export-trace" title="The trace as JSON lines, as lakelab sim --format jsonl prints it"
                  onClick={() => saveFile(`${result.scenario}-${result.live ? 'live' : `seed-${result.seed}`}.jsonl`, toTraceJsonl(result, result.summary, result.invariantViolations), 'application/x-ndjson')}>
                  Export trace (JSON lines)
                </button>
                <RuleComparison />
                <SweepChart />
                <SeedStatisticsView />
              </div>}
            </div>
          );
        }}
      </LoadableView>
    </section>
  );
}
