#!/usr/bin/env node
// The `bluehelm` command: runs the TypeScript CLI through tsx, so it works straight after npm install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
