import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workers } from '../../electron/build.mjs';
import { REPO } from '../helpers';

/** The entries of one list in electron-builder.yml (`key:` followed by `  - item` lines). */
function listIn(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  expect(start, `${key} in electron-builder.yml`).toBeGreaterThanOrEqual(0);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s+-\s+"?([^"#]+?)"?\s*$/.exec(line);
    if (m) items.push(m[1]);
    else if (line.trim() !== '' && !line.trim().startsWith('#')) break;
  }
  return items;
}

/** electron-builder's globs as used here: `*` within one path segment, `**` across segments. */
const globToRegExp = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`);

describe('the packaged app', () => {
  const yaml = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');

  it('unpacks every worker bundle beside app.asar, where worker threads load them from disk', () => {
    const unpacked = listIn(yaml, 'asarUnpack').map(globToRegExp);
    const names = workers();
    expect(names).toEqual(expect.arrayContaining(['crosstab-worker', 'csv-worker', 'import-worker', 'projection-worker']));
    for (const name of names) {
      const file = `dist/electron/${name}.mjs`;
      expect(unpacked.some((re) => re.test(file)), `${file} is not in asarUnpack`).toBe(true);
    }
  });

  it('ships the built app and leaves the bundled benchmark out', () => {
    const files = listIn(yaml, 'files');
    expect(files).toContain('dist/**');
    expect(files).toContain('!dist/electron/bench.mjs');
  });
});
