import fs from 'node:fs';
import crypto from 'node:crypto';
import { rootPath } from '../paths';
import type { ReferenceTables } from '../../../shared/contract';

let cached: { tables: ReferenceTables; hash: string } | undefined;

/** The reference tables shipped in data/reference: missions, countries, M49 region names. */
export function referenceTables(): { tables: ReferenceTables; hash: string } {
  if (cached) return cached;
  const read = (name: string) => fs.readFileSync(rootPath('data', 'reference', name), 'utf8');
  const texts = ['missions.json', 'countries.json', 'regions.json'].map(read);
  const hash = crypto.createHash('sha256').update(texts.join('\u0000')).digest('hex');
  const [missions, countries, regions] = texts.map((t) => JSON.parse(t));
  cached = { tables: { missions, countries, regions }, hash };
  return cached;
}
