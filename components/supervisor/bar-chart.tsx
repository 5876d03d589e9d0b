// Simple accessible SVG bar charts (no chart library): a titled and described image, always shown next to a table
// with the same figures. Colours keep 3:1 contrast against white (WCAG 1.4.11).
import type { ReactNode } from 'react';

export interface BarSeries {
  name: string;
  values: number[];
  /** A fill colour with enough contrast against white. */
  colour: string;
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** The titled and described SVG image both charts draw in, at most `stretch` times its natural width. */
function ChartSvg({
  id,
  title,
  description,
  width,
  height,
  stretch,
  children,
}: {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  stretch: number;
  children: ReactNode;
}) {
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full"
      style={{ maxWidth: `${Math.round(width * stretch)}px` }}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Vertical grouped bars, one group per category (e.g. per week), one bar per series. */
export function GroupedBarChart({
  id,
  title,
  description,
  categories,
  series,
}: {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: BarSeries[];
}) {
  const groupWidth = 48;
  const left = 40;
  const top = 12;
  const plotHeight = 160;
  const width = left + Math.max(categories.length, 1) * groupWidth + 8;
  const height = top + plotHeight + 44;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const barWidth = (groupWidth - 12) / Math.max(series.length, 1);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  return (
    <figure className="m-0 mb-4">
      <ChartSvg id={id} title={title} description={description} width={width} height={height} stretch={1.4}>
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - 4} y1={y(tick)} y2={y(tick)} stroke="#b1b4b6" strokeWidth="1" />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#0b0c0c">
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {categories.map((category, index) => (
          <g key={category}>
            {series.map((s, sIndex) => {
              const value = s.values[index] ?? 0;
              return (
                <rect
                  key={s.name}
                  x={left + index * groupWidth + 6 + sIndex * barWidth}
                  y={y(value)}
                  width={barWidth - 2}
                  height={top + plotHeight - y(value)}
                  fill={s.colour}
                />
              );
            })}
            <text
              x={left + index * groupWidth + groupWidth / 2}
              y={top + plotHeight + 16}
              textAnchor="middle"
              fontSize="10"
              fill="#0b0c0c"
            >
              {category}
            </text>
          </g>
        ))}
        <line x1={left} x2={width - 4} y1={top + plotHeight} y2={top + plotHeight} stroke="#0b0c0c" strokeWidth="1" />
      </ChartSvg>
      <figcaption aria-hidden="true" className="mt-1 flex flex-wrap gap-4 text-sm">
        {series.map((s) => (
          <span key={s.name} className="inline-flex items-center gap-1">
            <span className="inline-block h-3 w-3" style={{ background: s.colour }} />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars of shares (0–1), one per labelled row. */
export function ShareBarChart({
  id,
  title,
  description,
  rows,
  colour,
}: {
  id: string;
  title: string;
  description: string;
  rows: { label: string; share: number }[];
  colour: string;
}) {
  const left = 96;
  const rowHeight = 22;
  const plotWidth = 240;
  const width = left + plotWidth + 56;
  const height = Math.max(rows.length, 1) * rowHeight + 8;
  return (
    <figure className="m-0 mb-4">
      <ChartSvg id={id} title={title} description={description} width={width} height={height} stretch={1.6}>
        {rows.map((row, index) => (
          <g key={row.label}>
            <text x={left - 6} y={index * rowHeight + 18} textAnchor="end" fontSize="12" fill="#0b0c0c">
              {row.label}
            </text>
            <rect
              x={left}
              y={index * rowHeight + 6}
              width={Math.max(0, Math.min(1, row.share)) * plotWidth}
              height={rowHeight - 8}
              fill={colour}
            />
            <text
              x={left + Math.max(0, Math.min(1, row.share)) * plotWidth + 4}
              y={index * rowHeight + 18}
              fontSize="12"
              fill="#0b0c0c"
            >
              {`${(row.share * 100).toFixed(1)}%`}
            </text>
          </g>
        ))}
      </ChartSvg>
    </figure>
  );
}
