import { parseArgs } from 'node:util';
import { describeScope, describeSpec } from '../../shared/present/describe';
import { lookups } from '../../shared/present/labels';
import { listViews } from '../core/views/store';
import { referenceTables } from '../core/reference/tables';
import type { Workspace } from '../core/workspace';

// bluehelm views list: the saved views of a workspace, as the app's Saved views tab lists them.

export const VIEWS_USAGE = `  views list [--json]               the saved views stored in the workspace (name, what each shows, note)`;

export class ViewsUsageError extends Error {}

type WithWorkspace = <T>(db: string | undefined, use: (ws: Workspace) => T) => T;

export function viewsCommand(argv: string[], withWorkspace: WithWorkspace, out: (s: string) => void): number {
  const [sub, ...rest] = argv;
  if (sub !== 'list') throw new ViewsUsageError('views takes list');
  const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, db: { type: 'string' } }, strict: true });
  const views = withWorkspace(values.db, (ws) => listViews(ws.db));
  if (values.json) {
    out(JSON.stringify(views) + '\n');
    return 0;
  }
  if (views.length === 0) {
    out('No saved views yet. Save a view in the app (Save view, beside the cross-tab or the trend).\n');
    return 0;
  }
  const names = lookups(referenceTables().tables);
  for (const v of views) {
    const described = describeSpec(v.spec, 'en', names);
    const scope = describeScope(described, 'en');
    out(`#${v.id} ${v.name}  [${v.tab}]  ${described.title}${scope ? ` · ${scope}` : ''}  saved ${v.updatedAt}\n`);
    if (v.note) out(`    ${v.note.replace(/\n/g, '\n    ')}\n`);
  }
  return 0;
}
