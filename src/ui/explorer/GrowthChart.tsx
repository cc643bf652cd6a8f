import type { TableVersion } from '../../core/table.ts';
import { formatBytes } from '../shared/format.ts';

const width = 260;
const height = 48;

/** Rows, files and bytes over versions, one small line each. */
export function GrowthChart({ entries, word = 'version' }: { entries: TableVersion[]; word?: string }) {
  const points = [...entries].filter((e) => e.growth !== undefined).sort((a, b) => a.version - b.version);
  if (points.length < 2) return null;
  const series: { label: string; value: (e: TableVersion) => number | null | undefined; format: (n: number) => string }[] = [
    { label: 'rows', value: (e) => e.growth?.rows, format: (n) => n.toLocaleString('en') },
    { label: 'files', value: (e) => e.growth?.files, format: (n) => n.toLocaleString('en') },
    { label: 'bytes', value: (e) => e.growth?.bytes, format: formatBytes },
  ];
  return (
    <div className="growth" data-testid="growth-chart">
      {series.map((s) => {
        const values = points.map((p) => s.value(p));
        if (values.some((v) => v === null || v === undefined)) {
          return <p key={s.label} className="muted small">{s.label}: unknown (some {word}s have files without a row count)</p>;
        }
        const numbers = values as number[];
        const max = numbers.reduce((m, n) => Math.max(m, n), 1);
        const first = points[0]?.version ?? 0;
        const span = Math.max(1, (points[points.length - 1]?.version ?? 1) - first);
        const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${(((p.version - first) / span) * width).toFixed(1)},${(height - ((numbers[i] ?? 0) / max) * (height - 4) - 2).toFixed(1)}`).join(' ');
        const last = numbers[numbers.length - 1] ?? 0;
        return (
          <figure key={s.label} className="growth-series">
            <svg width={width} height={height} role="img" aria-label={`${s.label} over ${word}s ${first} to ${first + span}: now ${s.format(last)}`}>
              <path d={path} fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
            <figcaption>{s.label}: {s.format(last)} (max {s.format(max)})</figcaption>
          </figure>
        );
      })}
    </div>
  );
}
