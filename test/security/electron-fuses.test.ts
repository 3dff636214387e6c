import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers';

// "Nothing leaves the machine": the switches compiled into the packaged binary, read from the
// config electron-builder packages with, so a change to any of them fails here.

describe('Electron fuses in electron-builder.yml', () => {
  const text = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');
  /** The `key: true|false` lines indented under electronFuses: (the YAML is flat there). */
  const fuses = () => {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.trim() === 'electronFuses:');
    const out: Record<string, boolean> = {};
    for (const line of lines.slice(start + 1)) {
      const m = /^\s+(\w+):\s*(true|false)\s*(#.*)?$/.exec(line);
      if (m) out[m[1]] = m[2] === 'true';
      else if (line.trim() !== '' && !line.trim().startsWith('#')) break;
    }
    return start < 0 ? undefined : out;
  };
  const config = { electronFuses: fuses(), asar: /^asar:\s*true\s*$/m.test(text) };

  it('turns off running as Node, NODE_OPTIONS and --inspect; turns on cookie encryption and asar integrity', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Asar integrity means something only when the app is in an asar.
    expect(config.asar).toBe(true);
  });
});
