import type { Db } from '../db/open';
import { importFile, ImportRefused } from '../import/run';
import type { ImportResult } from '../import/types';
import { workspaceKind } from '../workspace';
import { generateDemoFiles } from './generate';

export const DEMO_FILE_NAMES = {
  deployments: 'SYNTHETIC-demo-deployments.csv',
  fatalities: 'SYNTHETIC-demo-fatalities.csv',
  ied: 'SYNTHETIC-demo-ied-incidents.csv',
} as const;

/**
 * Fills a workspace with the synthetic demo. Refuses a workspace that holds real data, so a rate of
 * real deaths over synthetic deployments can never be computed.
 */
export function writeDemoWorkspace(db: Db, fileLabel: string): ImportResult[] {
  const kind = workspaceKind(db);
  if (kind === 'real') {
    throw new ImportRefused(fileLabel, null, null, 'this workspace holds real data; the demo goes into a workspace file of its own (bluehelm demo --db demo.sqlite)', { code: 'real_workspace' });
  }
  db.prepare(`INSERT INTO workspace_meta (key, value) VALUES ('kind', 'demo') ON CONFLICT(key) DO UPDATE SET value = 'demo'`).run();
  const files = generateDemoFiles();
  return (Object.keys(DEMO_FILE_NAMES) as (keyof typeof DEMO_FILE_NAMES)[]).map((k) =>
    importFile(db, { fileName: DEMO_FILE_NAMES[k], bytes: Buffer.from(files[k], 'utf8') }, { synthetic: true }),
  );
}
