declare module 'svg-to-pdfkit' {
  interface Options {
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    assumePt?: boolean;
    width?: number;
    height?: number;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: Options): void;
}
