import { fontBytes, TextMeasure } from '../fonts';
import { PAGE, slideSvg } from '../slide-svg';
import type { RenderedPack } from '../types';
import { step, type Exporter, type Progress } from './types';

/** The pack as a PDF: each page is the slide's SVG drawn as vectors, the CJK font embedded (subset), text extractable. */
export class PdfExporter implements Exporter {
  readonly extension = 'pdf';
  readonly mime = 'application/pdf';

  async write(pack: RenderedPack, progress: Progress): Promise<Buffer> {
    // Loaded here, not at start: only a PDF export needs them.
    const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')]);
    const { width, height } = PAGE[pack.settings.pageSize];
    const doc = new PDFDocument({
      size: [width, height],
      margin: 0,
      autoFirstPage: false,
      info: { Title: pack.settings.title, Author: pack.settings.author, Subject: pack.settings.marking, Creator: 'Bluehelm', Producer: 'Bluehelm' },
      lang: pack.lang === 'zh' ? 'zh-CN' : 'en',
      displayTitle: true,
    } as PDFKit.PDFDocumentOptions);
    doc.registerFont('regular', fontBytes('regular'));
    doc.registerFont('bold', fontBytes('bold'));
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise<void>((resolve, reject) => {
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });
    const m = new TextMeasure();
    pack.slides.forEach((_, i) => {
      doc.addPage();
      SVGtoPDF(doc, slideSvg(pack, i, m), 0, 0, { assumePt: true, fontCallback: (_family, bold) => (bold ? 'bold' : 'regular') });
      step(progress, i + 1, pack.slides.length);
    });
    doc.end();
    await ended;
    return Buffer.concat(chunks);
  }
}
