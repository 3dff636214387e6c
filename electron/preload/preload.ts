import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES } from '../../shared/contract';
import { createBridge } from './bridge';

// Bundled to CommonJS (dist/electron/preload.cjs) by electron/build.mjs: sandboxed preloads cannot
// be ESM. The page gets exactly one global, window.bluehelm, with exactly one function, call();
// ipcRenderer itself is never exposed.
contextBridge.exposeInMainWorld('bluehelm', createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args), OPERATION_NAMES));
