import { LoadableView } from '../shared/LoadableView.tsx';
import { useSimActions, useSimState } from './SimContext.tsx';

/** The same race judged by delta-rs's rules, Spark Delta's and DuckLake's: users meet all three in one lakehouse. */
export function RuleComparison() {
  const comparison = useSimState((s) => s.comparison);
  const actions = useSimActions();
  return (
    <div className="rule-comparison">
      <button type="button" onClick={() => void actions.compareRules()} data-testid="sim-compare">Compare delta-rs, Spark and DuckLake rules</button>
      <LoadableView value={comparison} what="both rule sets">
        {(c) => (
          <table className="grid" data-testid="sim-comparison">
            <thead><tr><th scope="col">Writer</th><th scope="col">delta-rs</th><th scope="col">Spark Delta</th><th scope="col">DuckLake (table-level)</th></tr></thead>
            <tbody>
              {Object.keys(c['delta-rs']).sort().map((writer) => (
                <tr key={writer} className={c['delta-rs'][writer] !== c.spark[writer] || c['delta-rs'][writer] !== c.ducklake[writer] ? 'differs' : ''}>
                  <td>{writer}</td><td>{c['delta-rs'][writer]}</td><td>{c.spark[writer]}</td><td>{c.ducklake[writer]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadableView>
    </div>
  );
}
