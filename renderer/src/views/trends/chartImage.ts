import type { EChartsType } from 'echarts/core';

// A chart leaves the app as a picture: SVG as ECharts draws it (text stays text), and PNG painted from that
// SVG at twice the size on white, so it stays sharp on a slide and has no see-through background.

export function chartSvg(chart: EChartsType): Blob {
  return new Blob([chart.renderToSVGString()], { type: 'image/svg+xml' });
}

export async function chartPng(chart: EChartsType, scale = 2): Promise<Blob> {
  const svg = chartSvg(chart);
  const url = URL.createObjectURL(svg);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(chart.getWidth() * scale);
    canvas.height = Math.round(chart.getHeight() * scale);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the chart could not be painted'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
