import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rejectText, type RejectReason } from '../shared/rejects';
import { datasetsDir } from '../electron/core/paths';

/** The UN datasets beside the repo, read through the one path setting (BLUEHELM_DATASETS). */
export const DATASETS = datasetsDir();
export const FATALITIES_CSV = path.join(DATASETS, 'un-fatalities', 'DPPADPOSS-FATALITIES.csv');
export const CONTRIBUTIONS_PSDH = path.join(DATASETS, 'un-contributions', 'contributions_2021-2025_psdh-layout.csv');
export const CONTRIBUTIONS_OPENDATA = path.join(DATASETS, 'un-contributions', 'contributions_2009-2014_opendata-layout.csv');
export const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

export function tempDir(prefix = 'bluehelm-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function tempDb(): string {
  return path.join(tempDir(), 'workspace.sqlite');
}

export function writeTemp(name: string, text: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const CLI = path.join(REPO, 'electron', 'cli', 'bluehelm.mjs');

/**
 * A workspace holding the three real UN files (fatalities and both contributions layouts), in a fresh
 * app-data folder of its own: what the browser tests serve.
 */
export async function realWorkspace(prefix: string): Promise<{ dataDir: string; dbPath: string }> {
  const { Workspace } = await import('../electron/core/workspace');
  const { importFile } = await import('../electron/core/import/run');
  const dataDir = tempDir(prefix);
  const dbPath = path.join(dataDir, 'workspace.sqlite');
  const ws = new Workspace(dbPath);
  try {
    for (const file of [FATALITIES_CSV, CONTRIBUTIONS_PSDH, CONTRIBUTIONS_OPENDATA]) importFile(ws.db, { path: file });
  } finally {
    ws.close();
  }
  return { dataDir, dbPath };
}

/** Rejected rows with each reason in English words, as the CLI prints them (the stored reason is a code). */
export function rejectsInWords<R extends { line: number; field: string; reason: RejectReason }>(rejects: R[]): { line: number; field: string; reason: string }[] {
  return rejects.map((r) => ({ line: r.line, field: r.field, reason: rejectText(r.reason, 'en', r.line) }));
}
