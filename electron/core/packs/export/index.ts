import type { ExportFormat } from '../../../../shared/pack';
import type { Exporter } from './types';

// Each format's library (pptxgenjs, pdfkit with the CJK font, exceljs) is loaded only when that
// format is written: a PPTX export never pays for parsing a 10 MB font.
const LOADERS: Record<ExportFormat, () => Promise<Exporter>> = {
  pptx: async () => new (await import('./pptx')).PptxExporter(),
  pdf: async () => new (await import('./pdf')).PdfExporter(),
  xlsx: async () => new (await import('./xlsx')).XlsxExporter(),
};

export function exporterFor(format: ExportFormat): Promise<Exporter> {
  return LOADERS[format]();
}
