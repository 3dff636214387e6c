/**
 * What the preload exposes to the page, as a pure function of ipcRenderer.invoke so it is tested on
 * Node. It must stay free of Node built-ins and of 'electron': a sandboxed preload can require
 * almost nothing, and the bundle inlines this file.
 */

/** The one IPC channel between the page and the main process. */
export const IPC_CHANNEL = 'bluehelm:call';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * What every call answers: a value, or an error with its code (electron/core/transport.ts's
 * envelope, repeated here because the preload bundle may import nothing but this file).
 */
export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** window.bluehelm: one function, nothing else. */
export interface Bridge {
  call(name: string, input?: unknown): Promise<BridgeResult>;
}

/** Electron prefixes a main-process handler's error; the page should see the message itself. */
export function ipcErrorMessage(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': (?:Error: )?/, '');
}

/**
 * Calls resolve to the envelope rather than throwing: an Error crossing contextBridge keeps only its
 * message, and the page needs the code too (ApiCallError in renderer/src/api/client.ts).
 */
export function createBridge(invoke: Invoke, operationNames: readonly string[]): Bridge {
  const allowed = new Set(operationNames);
  return Object.freeze({
    async call(name: string, input?: unknown): Promise<BridgeResult> {
      // Refused here before any IPC happens; the main process checks again (dispatch) regardless.
      if (typeof name !== 'string' || !allowed.has(name)) return { ok: false, error: { code: 'not_found', message: `no operation "${String(name)}"` } };
      try {
        return (await invoke(IPC_CHANNEL, name, input)) as BridgeResult;
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: ipcErrorMessage(e instanceof Error ? e.message : String(e)) } };
      }
    },
  });
}
