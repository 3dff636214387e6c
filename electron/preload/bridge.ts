/**
 * What the preload exposes to the page, as a pure function of ipcRenderer.invoke so it is tested on
 * Node. It must stay free of Node built-ins and of 'electron': a sandboxed preload can require
 * almost nothing, and the bundle inlines this file.
 */

/** The one IPC channel between the page and the main process. */
export const IPC_CHANNEL = 'bluehelm:call';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** window.bluehelm: one function, nothing else. */
export interface Bridge {
  call(name: string, input?: unknown): Promise<unknown>;
}

/** Electron prefixes a main-process handler's error; the page should see the core's own message. */
export function ipcErrorMessage(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': (?:Error: )?/, '');
}

export function createBridge(invoke: Invoke, operationNames: readonly string[]): Bridge {
  const allowed = new Set(operationNames);
  return Object.freeze({
    async call(name: string, input?: unknown): Promise<unknown> {
      // Refused here before any IPC happens; the main process checks again (dispatch) regardless.
      if (typeof name !== 'string' || !allowed.has(name)) throw new Error(`no operation "${String(name)}"`);
      try {
        return await invoke(IPC_CHANNEL, name, input);
      } catch (e) {
        throw new Error(ipcErrorMessage(e instanceof Error ? e.message : String(e)));
      }
    },
  });
}
