import { useMemo } from 'react';
import type { TableVersion } from '../../core/table.ts';
import { formatBytes } from '../shared/format.ts';
import { LineChart, type ChartSeries } from '../shared/LineChart.tsx';

const count = (n: number) => n.toLocaleString('en');

/** Rows, files and bytes over versions, one chart each on uPlot, the selected version marked. */
export function GrowthChart({ entries, word = 'version', selected }: { entries: TableVersion[]; word?: string; selected?: number }) {
  const points = useMemo(() => [...entries].filter((e) => e.growth !== undefined).sort((a, b) => a.version - b.version), [entries]);
  const xs = useMemo(() => points.map((p) => p.version), [points]);
  const series = useMemo(() => [
    { label: 'rows', values: points.map((p) => p.growth?.rows ?? null), format: count },
    { label: 'files', values: points.map((p) => p.growth?.files ?? null), format: count },
    { label: 'bytes', values: points.map((p) => p.growth?.bytes ?? null), format: formatBytes },
  ] satisfies ChartSeries[], [points]);
  if (points.length < 2) return null;
  return (
    <div className="growth" data-testid="growth-chart">
      {series.map((s) => {
        if (s.values.some((v) => v === null)) {
          return <p key={s.label} className="muted small">{s.label}: unknown (some {word}s have files without a row count)</p>;
        }
        const numbers = s.values as number[];
        const last = numbers[numbers.length - 1] ?? 0;
        const max = numbers.reduce((m, n) => Math.max(m, n), 0);
        return (
          <figure key={s.label} className="growth-series" aria-label={`${s.label} over ${word}s ${xs[0]} to ${xs[xs.length - 1]}: now ${s.format(last)}`}>
            <LineChart xs={xs} xLabel={word} series={s} marked={selected} height={150} testId={`growth-${s.label}`} />
            <figcaption>{s.label}: {s.format(last)} (max {s.format(max)}){selected !== undefined ? ` · ${word} ${selected} marked` : ''}</figcaption>
          </figure>
        );
      })}
    </div>
  );
}
