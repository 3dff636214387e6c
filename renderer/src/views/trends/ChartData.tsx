import type { Measure } from '../../../../shared/catalogue';
import type { ChartLine } from '../../../../shared/present/chart';
import { formatValue } from '../../../../shared/present/format';
import { useBluehelm } from '../../store';

/**
 * The numbers the chart draws, as a table that screen readers read (the SVG chart is only a picture to
 * them). Each cell also carries its exact value, so what is drawn can be checked against the engine.
 */
export function ChartData({ times, lines, measure, caption, extraDecimals = 0, testId = 'trend-data' }: { times: string[]; lines: ChartLine[]; measure: Measure; caption: string; extraDecimals?: number; testId?: string }) {
  const lang = useBluehelm((s) => s.lang);
  return (
    // The hidden box holds the table: a table is as wide as its columns whatever its own width says, and would widen the page.
    <div className="bh-visually-hidden">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th />
            {lines.map((l) => (
              <th key={l.name}>{l.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.map((time, i) => (
            <tr key={time}>
              <th>{time}</th>
              {lines.map((l) => (
                <td key={l.name} data-value={l.values[i] ?? ''}>
                  {formatValue(measure, l.values[i], lang, extraDecimals)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
