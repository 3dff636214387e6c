import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers';

// "Nothing leaves the machine": the switches compiled into the packaged binary, read from the
// config electron-builder packages with, so a change to any of them fails here.

describe('Electron fuses in electron-builder.yml', () => {
  const config = yaml.load(fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as { electronFuses?: Record<string, boolean>; asar?: boolean };

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
