import type { ExportFormat } from '../../../../shared/pack';
import { PdfExporter } from './pdf';
import { PptxExporter } from './pptx';
import type { Exporter } from './types';
import { XlsxExporter } from './xlsx';

export const EXPORTERS: Record<ExportFormat, Exporter> = {
  pptx: new PptxExporter(),
  pdf: new PdfExporter(),
  xlsx: new XlsxExporter(),
};
