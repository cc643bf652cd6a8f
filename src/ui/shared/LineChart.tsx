import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';

/** uPlot loads with the first chart, in a chunk of its own (with its stylesheet). */
let uplotModule: Promise<typeof uPlot> | undefined;
function loadUplot(): Promise<typeof uPlot> {
  uplotModule ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default);
  return uplotModule;
}

/** x is a version: ticks on whole numbers only. */
const integerSteps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 1_000_000];

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  format: (n: number) => string;
}

interface Props {
  xs: number[];
  xLabel: string;
  series: ChartSeries;
  /** The x to mark (the selected version). */
  marked?: number;
  /** Bars rather than a line (a histogram). */
  bars?: boolean;
  /** How an x value reads on its axis. */
  formatX?: (x: number) => string;
  height?: number;
  testId?: string;
}

/** One series over x on uPlot: axes with values, a legend with the value under the cursor, and the marked x drawn as a line. */
export function LineChart({ xs, xLabel, series, marked, bars, formatX = String, height = 150, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot>(null);
  const markedRef = useRef(marked);
  const [width, setWidth] = useState(0);
  markedRef.current = marked;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = box.current;
    if (!element || width === 0) return;
    let disposed = false;
    void loadUplot().then((UPlot) => {
      if (disposed) return;
      chart.current?.destroy();
      // Canvas needs a colour, not currentColor: the page's text colour (light and dark schemes).
      const ink = getComputedStyle(element).color || '#555';
      const markPlugin: uPlot.Plugin = {
        hooks: {
          draw: (u) => {
            const x = markedRef.current;
            if (x === undefined) return;
            const left = u.valToPos(x, 'x', true);
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = '#d9480f';
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(left, u.bbox.top);
            ctx.lineTo(left, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.restore();
          },
        },
      };
      chart.current = new UPlot({
        width,
        height,
        plugins: [markPlugin],
        scales: { x: { time: false } },
        axes: [
          { values: (_u, ticks) => ticks.map(formatX), incrs: integerSteps, stroke: ink, size: 30, grid: { stroke: 'rgba(128,128,128,0.2)' }, ticks: { stroke: 'rgba(128,128,128,0.4)' } },
          { values: (_u, ticks) => ticks.map(series.format), stroke: ink, size: 64, grid: { stroke: 'rgba(128,128,128,0.2)' }, ticks: { stroke: 'rgba(128,128,128,0.4)' } },
        ],
        series: [
          { label: xLabel, value: (_u, v) => (v === null ? '' : formatX(v)) },
          {
            label: series.label,
            stroke: '#1c7ed6',
            fill: bars ? 'rgba(28,126,214,0.35)' : undefined,
            width: 1.5,
            value: (_u, v) => (v === null ? '' : series.format(v)),
            ...(bars && { paths: UPlot.paths.bars?.({ size: [0.8, 60] }), points: { show: false } }),
          },
        ],
      }, [xs, series.values], element);
    });
    return () => {
      disposed = true;
    };
  }, [width, height, xs, series, bars, xLabel, formatX]);

  useEffect(() => chart.current?.redraw(false), [marked]);
  useEffect(() => () => chart.current?.destroy(), []);

  return <div ref={box} className="uplot-box" data-testid={testId} data-marked={marked} />;
}
