import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, type BrowserWindow } from 'electron';
import { registerIpc } from './ipc';
import { appRootFor } from './policy';
import { guardAllWebContents, guardSession, registerAppScheme, serveRenderer } from './security';
import { createMainWindow } from './window';

// The Electron entry (bundled to dist/electron/main.mjs). The order matters:
// 1. the environment the core reads (BLUEHELM_ROOT: where data/, migrations and native/ are;
//    BLUEHELM_BUNDLED: workers are .mjs siblings of this bundle) is set first;
// 2. the custom scheme is registered synchronously, before the app is ready;
// 3. the core is loaded with dynamic import() only after that.
const appPath = app.getAppPath();
// (Object.assign, not `process.env.BLUEHELM_BUNDLED = …`: the build defines that expression as a constant.)
Object.assign(process.env, { BLUEHELM_ROOT: appRootFor(appPath, app.isPackaged), BLUEHELM_BUNDLED: '1' });

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, 'preload.cjs');
// Read through Electron's asar support in a packaged app; the repo's dist/renderer in development.
const RENDERER_DIR = path.join(appPath, 'dist', 'renderer');

app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

function fail(title: string, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  console.error(`Bluehelm: ${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function start(): Promise<void> {
  guardAllWebContents();
  await app.whenReady();
  guardSession();
  serveRenderer(RENDERER_DIR);

  const { Session, startupWorkspace } = await import('../core/session');
  const { operationsFor } = await import('../core/operations');
  const { dispatch } = await import('../core/dispatch');

  // The same workspace as the CLI's: $BLUEHELM_DB, else workspace.sqlite in the per-user app-data
  // folder, else (first start) the synthetic demo workspace.
  let session: InstanceType<typeof Session>;
  const named = process.env.BLUEHELM_DB || undefined;
  try {
    session = new Session(startupWorkspace(named).path);
  } catch (e) {
    fail(`Bluehelm cannot open its workspace${named ? ` (${named})` : ''}`, e);
    return;
  }
  const ops = operationsFor(session, {
    async chooseWorkspaceFile() {
      const options = { title: 'Open a Bluehelm workspace', properties: ['openFile' as const], filters: [{ name: 'Bluehelm workspace', extensions: ['sqlite', 'bluehelm', 'db'] }] };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return r.canceled ? undefined : r.filePaths[0];
    },
  });
  registerIpc((name, input) => dispatch(ops, name, input));
  app.on('will-quit', () => session.close());

  mainWindow = createMainWindow(PRELOAD);
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  // Another Bluehelm already has the workspace open; it is brought to the front instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  start().catch((e) => fail('Bluehelm could not start', e));
}
