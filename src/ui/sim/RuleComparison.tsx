import type { ConflictRules } from '../../core/delta/conflicts/conflictChecker.ts';
import { describeConflicts, describeWriterFigures, type WriterFigures } from '../../sim/figures.ts';
import { comparedRuleSets, type RuleComparison as Comparison } from '../../sim/ruleComparison.ts';
import { LoadableView } from '../shared/LoadableView.tsx';
import { useSimActions, useSimState } from './SimContext.tsx';

const headings: Record<ConflictRules, string> = { 'delta-rs': 'delta-rs', spark: 'Spark Delta', ducklake: 'DuckLake (table-level)' };

const figureRows: { figure: string; label: string; value: (f: WriterFigures) => string }[] = [
  { figure: 'commits', label: 'commits', value: (f) => String(f.commits) },
  { figure: 'conflicts', label: 'conflicts, by kind', value: (f) => describeConflicts(f.conflicts).replace(/^conflicts: /, '') },
  { figure: 'retries', label: 'version retries', value: (f) => String(f.retries) },
  { figure: 'recomputes', label: 'recomputes', value: (f) => String(f.recomputes) },
  { figure: 'wasted', label: 'wasted writes', value: (f) => `${f.wastedFiles} data file(s), from ${f.wasted} write(s)` },
];

/** The same race judged by delta-rs's rules, Spark Delta's and DuckLake's: users meet all three in one lakehouse. */
export function RuleComparison() {
  const comparison = useSimState((s) => s.comparison);
  const actions = useSimActions();
  return (
    <div className="rule-comparison">
      <button type="button" onClick={() => void actions.compareRules()} data-testid="sim-compare">Compare delta-rs, Spark and DuckLake rules</button>
      <LoadableView value={comparison} what="the rule comparison">
        {(c) => <ComparisonView comparison={c} />}
      </LoadableView>
    </div>
  );
}

function ComparisonView({ comparison: c }: { comparison: Comparison }) {
  if (!c.compared) return <p className="muted" data-testid="sim-comparison-none">{c.why}</p>;
  const catalog = c.catalogWriters.length > 0;
  return (
    <>
      <table className="grid" data-testid="sim-comparison">
        <thead><tr><th scope="col">Same scenario and seed</th>{comparedRuleSets.map((r) => <th key={r} scope="col">{headings[r]}</th>)}{catalog && <th scope="col">DuckLake, real commits</th>}</tr></thead>
        <tbody>
          {figureRows.map(({ figure, label, value }) => {
            const cells = comparedRuleSets.map((r) => value(c.totals[r]));
            return (
              <tr key={figure} className={cells.some((v) => v !== cells[0]) ? 'differs' : ''}>
                <th scope="row" title={figure === 'wasted' ? 'data files written by attempts that never committed' : undefined}>{label}</th>
                {comparedRuleSets.map((r, i) => <td key={r} data-testid={`compare-${figure}-${r}`}>{cells[i]}</td>)}
                {catalog && <td data-testid={`compare-${figure}-catalog`}>{value(c.catalogTotals)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted small">Wasted writes: the data files written by attempts that never committed (no version names them).</p>
      {catalog && <p className="muted small" data-testid="sim-comparison-catalog">DuckLake, real commits: {c.catalogWriters.join(', ')}, transactions on the DuckLake catalog database, racing for snapshot ids and judged by DuckLake's own table-level rules whatever the rule set (figures from the run under DuckLake's rules). The three columns before it judge the Delta writers.</p>}
      {c.leaseWriters.length > 0 && <p className="muted small">Left out: {c.leaseWriters.join(', ')}, lease runs on the catalog file, which no rule set judges.</p>}
      {c.differing.length === 0
        ? <p className="muted small" data-testid="sim-comparison-same">Every writer ends the same way, with the same figures, under all three rule sets.</p>
        : (
          <table className="grid" data-testid="sim-comparison-writers">
            <thead><tr><th scope="col">Writers that differ</th>{comparedRuleSets.map((r) => <th key={r} scope="col">{headings[r]}</th>)}</tr></thead>
            <tbody>
              {c.differing.map(({ writer, byRules }) => (
                <tr key={writer} className="differs">
                  <th scope="row">{writer}</th>
                  {comparedRuleSets.map((r) => (
                    <td key={r} data-testid={`compare-writer-${writer}-${r}`} style={{ whiteSpace: 'normal', verticalAlign: 'top', width: '30%' }}>
                      {describeWriterFigures(byRules[r].outcome, byRules[r].figures)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </>
  );
}
