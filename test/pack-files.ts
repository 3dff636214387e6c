import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

// Readers for what the exporters write: a PPTX and an XLSX are zips of XML; a PDF is read with poppler.

export interface DeckSlide {
  index: number;
  xml: string;
  text: string;
  notes: string;
  charts: { series: { name: string; categories: string[]; values: (number | null)[] }[] }[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]));

function chartSeries(xml: string) {
  return [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const name = decode(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)?.[1] ?? '');
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)?.[1] ?? '';
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1] ?? '';
    const points = (part: string) => [...part.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)].map((m) => decode(m[2]));
    return { name, categories: points(cat), values: points(val).map((v) => (v === '' ? null : Number(v))) };
  });
}

export async function readDeck(file: string): Promise<DeckSlide[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const read = (p: string) => zip.file(p)?.async('string') ?? Promise.resolve('');
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  names.sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
  const out: DeckSlide[] = [];
  for (const [i, name] of names.entries()) {
    const xml = await read(name);
    const rels = await read(name.replace('slides/', 'slides/_rels/') + '.rels');
    // Targets are relative to ppt/slides/ ("../charts/chart1.xml") or absolute in the package ("/ppt/charts/chart1.xml").
    const targets = [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => (m[1].startsWith('/') ? m[1].slice(1) : `ppt/${m[1].replace('../', '')}`));
    const charts = [];
    for (const t of targets.filter((t) => t.includes('charts/'))) charts.push({ series: chartSeries(await read(t)) });
    const notesTarget = targets.find((t) => t.includes('notesSlide'));
    const notes = notesTarget ? texts(await read(notesTarget)).join('\n') : '';
    out.push({ index: i, xml, text: texts(xml).join('\n'), notes, charts });
  }
  return out;
}

export function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

export function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export const hasPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
