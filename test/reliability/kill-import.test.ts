import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWorkspace, openWorkspace } from '../../electron/core/db/open';
import { CLI, tempDb, writeTemp } from '../helpers';

const ROWS = 150_000;

function bigFatalitiesFile(): string {
  const header = 'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update';
  const missions = ['MINUSMA', 'MINUSCA', 'MONUSCO', 'UNMISS', 'UNIFIL'];
  const lines = [header];
  for (let i = 1; i <= ROWS; i++) {
    const d = new Date(Date.UTC(1990, 0, 1) + (i % 12000) * 86400000).toISOString().slice(0, 10);
    lines.push(`${i},${d},SYN-${i},${missions[i % 5]},Fatality,${i % 3 ? 'M' : 'F'},Chad,Military,Malicious Act,148.0,TCD,2025-04-04`);
  }
  return writeTemp('big-fatalities.csv', lines.join('\n') + '\n');
}

/** Starts an import in a child process and SIGKILLs it once progress reaches `atPercent`. */
function importAndKill(file: string, db: string, atPercent: number): Promise<{ killedAt: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'import', file, '--db', db, '--progress'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let killedAt = -1;
    let buf = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      buf += s;
      const m = [...buf.matchAll(/progress \S+ (\d+)%/g)].pop();
      if (m && killedAt < 0 && Number(m[1]) >= atPercent && Number(m[1]) < 100) {
        killedAt = Number(m[1]);
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`import finished (code ${code}) before it could be killed; stderr: ${buf.slice(-500)}`));
      else resolve({ killedAt });
    });
  });
}

describe('an import killed mid-file', () => {
  const file = bigFatalitiesFile();

  it.each([5, 50, 90])('SIGKILL at %i percent leaves the workspace consistent and the import wholly absent', async (pct) => {
    const db = tempDb();
    const { killedAt } = await importAndKill(file, db, pct);
    expect(killedAt).toBeGreaterThanOrEqual(pct);
    const ws = openWorkspace(db);
    expect(checkWorkspace(ws).ok).toBe(true);
    expect(ws.prepare('SELECT COUNT(*) FROM fatality').pluck().get()).toBe(0);
    expect(ws.prepare('SELECT COUNT(*) FROM dataset').pluck().get()).toBe(0);
    expect(ws.prepare('SELECT COUNT(*) FROM reject').pluck().get()).toBe(0);
    ws.close();

    // The same file imports whole afterwards.
    const again = spawnSync(process.execPath, [CLI, 'import', file, '--db', db, '--json'], { encoding: 'utf8' });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows_read: ROWS, inserted: ROWS, rejected: 0 });
    const after = openWorkspace(db);
    expect(after.prepare('SELECT COUNT(*) FROM fatality').pluck().get()).toBe(ROWS);
    after.close();
    fs.rmSync(db, { force: true });
  });
});
