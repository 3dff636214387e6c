import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsType } from 'echarts/core';
import { saveBlob } from '../crossTab/saveBlob';
import { chartPng, chartSvg } from './chartImage';

/** Copy the chart as a picture, or save it as PNG or SVG: on every chart, wherever it is drawn. */
export function ChartImageActions({ chart, fileName }: { chart: () => EChartsType | null; fileName: string }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<string | null>(null);
  const copy = async () => {
    const c = chart();
    if (!c) return;
    try {
      // The promise goes into the item as it is, so the browser still sees the click that asked for it.
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': chartPng(c) })]);
      setNote(t('trends.image.copied'));
    } catch {
      setNote(t('trends.image.copyRefused'));
    }
  };
  const png = async () => {
    const c = chart();
    if (c) saveBlob(await chartPng(c), `${fileName}.png`);
  };
  const svg = () => {
    const c = chart();
    if (c) saveBlob(chartSvg(c), `${fileName}.svg`);
  };
  return (
    <div className="bh-chart-actions">
      <button type="button" className="bh-button bh-small" data-testid="chart-copy-image" title={t('trends.image.copyHint')} onClick={() => void copy()}>
        {t('trends.image.copy')}
      </button>
      <button type="button" className="bh-button bh-small" data-testid="chart-save-png" title={t('trends.image.pngHint')} onClick={() => void png()}>
        {t('trends.image.png')}
      </button>
      <button type="button" className="bh-button bh-small" data-testid="chart-save-svg" title={t('trends.image.svgHint')} onClick={svg}>
        {t('trends.image.svg')}
      </button>
      {note && (
        <span className="bh-copied" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
