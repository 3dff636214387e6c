import { ipcMain } from 'electron';
import { IPC_CHANNEL } from '../preload/bridge';
import { callFromFrame, type CallResult } from './policy';

/** The core's one boundary (dispatch), injected so this module does not load the core before app.ts sets the environment. */
export type Call = (name: string, rawInput: unknown) => Promise<CallResult>;

/**
 * One channel, one handler. The sender frame must be app://bluehelm/ (a frame that navigated
 * elsewhere, or a destroyed one, gets nothing), and every call goes through dispatch.
 */
export function registerIpc(call: Call): void {
  ipcMain.removeHandler(IPC_CHANNEL);
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown) => callFromFrame(call, event.senderFrame?.url, name, input));
}
