import { ipcMain } from 'electron';
import type { Envelope } from '../core/transport';
import { IPC_CHANNEL } from '../preload/bridge';
import { callFromFrame } from './policy';

/** The core's one boundary, reached through its process (core-process.ts). */
export type Call = (name: string, rawInput: unknown) => Promise<Envelope>;

/**
 * One channel, one handler. The sender frame must be app://bluehelm/ (a frame that navigated
 * elsewhere, or a destroyed one, gets nothing), and every call goes to the core's dispatch.
 */
export function registerIpc(call: Call): void {
  ipcMain.removeHandler(IPC_CHANNEL);
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown) => callFromFrame(call, event.senderFrame?.url, name, input));
}
