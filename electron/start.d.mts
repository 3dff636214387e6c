// Types for electron/start.mjs (plain Node, so `npm start` works before anything is built).
export declare const MAIN_ENTRY: 'dist/electron/main.mjs';
export declare const FALLBACK_MESSAGE: string;
export declare const SERVE_ASKED_MESSAGE: string;

export interface StartFacts {
  electronBinary: string | null;
  electronVersion: string | null;
  mainBuilt: boolean;
  rendererBuilt: boolean;
  bindingPresent: boolean;
  packageMain: string | undefined;
  portAsked: boolean;
}

export type StartPlan =
  | { mode: 'serve'; reason: string; asked?: boolean }
  | { mode: 'electron'; build: boolean; native: boolean }
  | { mode: 'error'; message: string };

export declare function planStart(facts: StartFacts): StartPlan;
export declare function gatherFacts(root?: string, argv?: string[]): StartFacts;
export declare function electronBindingFile(root: string, version: string, platform?: string, arch?: string): string;
export declare function buildElectronBinding(options: { root?: string; version: string; arch?: string }): string;
