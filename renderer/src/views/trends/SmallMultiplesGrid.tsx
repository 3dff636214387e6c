import type { EChartsCoreOption } from 'echarts/core';
import { TrendChart, type ChartLink } from './TrendChart';

/** The small charts, one per outer value, under the one legend they share (each inner value one colour in all of them). */
export function SmallMultiplesGrid({
  charts,
  legend,
  label,
  fileName,
}: {
  charts: { title: string | null; option: EChartsCoreOption; link: ChartLink }[];
  legend: { name: string; colour: string }[];
  label: string;
  fileName: string;
}) {
  return (
    <>
      <ul className="bh-multiples-legend" data-testid="small-multiples-legend">
        {legend.map((l) => (
          <li key={l.name}>
            <span className="bh-line-key" style={{ background: l.colour }} />
            {l.name}
          </li>
        ))}
      </ul>
      <div className="bh-small-multiples" data-testid="small-multiples">
        {charts.map((c, i) => (
          <figure key={`${i}-${c.title}`} className="bh-panel" data-testid="small-multiple">
            <figcaption>{c.title}</figcaption>
            <TrendChart option={c.option} link={c.link} label={`${label}: ${c.title}`} fileName={`${fileName}-${i + 1}`} testId="small-multiple-chart" />
          </figure>
        ))}
      </div>
    </>
  );
}
