import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Menu, type BrowserWindow } from 'electron';
import { startCoreProcess } from './core-process';
import { registerIpc } from './ipc';
import { browserProfileDir, menuTemplate } from './policy';
import { guardAllWebContents, guardSession, registerAppScheme, serveRenderer } from './security';
import { createMainWindow } from './window';

// The Electron entry (bundled to dist/electron/main.mjs). The main process owns the window, the
// menu, the dialogs and the security hooks; the core (session, engines, imports) runs in a utility
// process (core-process.ts), so nothing the core does can freeze a window.
const appPath = app.getAppPath();
// The core's environment, inherited by its process: BLUEHELM_ROOT is where data/ and the migrations
// are (the app path, app.asar itself in a packaged app: Electron reads inside it; only native/ is
// unpacked, see electron/core/db/native-binding.ts), BLUEHELM_BUNDLED says workers are .mjs siblings.
// (Object.assign, not `process.env.BLUEHELM_BUNDLED = …`: the build defines that expression as a constant.)
Object.assign(process.env, { BLUEHELM_ROOT: appPath, BLUEHELM_BUNDLED: '1' });

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, 'preload.cjs');
const CORE_HOST = path.join(here, 'core-worker.mjs');
// Read through Electron's asar support in a packaged app; the repo's dist/renderer in development.
const RENDERER_DIR = path.join(appPath, 'dist', 'renderer');

app.enableSandbox();
app.setPath('userData', browserProfileDir(app.getPath('appData')));
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

function fail(title: string, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  console.error(`Bluehelm: ${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function chooseWorkspaceFile(): Promise<string | undefined> {
  const options = { title: 'Open a Bluehelm workspace', properties: ['openFile' as const], filters: [{ name: 'Bluehelm workspace', extensions: ['sqlite', 'bluehelm', 'db'] }] };
  const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return r.canceled ? undefined : r.filePaths[0];
}

/** The Save dialog for an exported briefing pack; the core writes the file (safely) where the analyst chose. */
async function chooseSavePath(defaultName: string): Promise<string | undefined> {
  const ext = defaultName.split('.').pop() ?? '';
  const options = { title: 'Save the briefing pack', defaultPath: defaultName, filters: [{ name: ext.toUpperCase(), extensions: [ext] }] };
  const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return r.canceled ? undefined : r.filePath;
}

/** A workspace found damaged at start, with a backup: bring the backup back, or quit. */
async function offerRestore(problem: string, takenAt: string): Promise<boolean> {
  const options = { type: 'error' as const, title: 'Bluehelm: the workspace is damaged', message: problem, buttons: [`Restore the backup taken ${takenAt}`, 'Quit'], defaultId: 0, cancelId: 1 };
  return (await dialog.showMessageBox(options)).response === 0;
}

async function start(): Promise<void> {
  guardAllWebContents();
  await app.whenReady();
  guardSession();
  serveRenderer(RENDERER_DIR);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, app.isPackaged) as Parameters<typeof Menu.buildFromTemplate>[0]));

  // The same workspace as the CLI's: $BLUEHELM_DB, else workspace.sqlite in the per-user app-data
  // folder, else (first start) the synthetic demo workspace.
  const named = process.env.BLUEHELM_DB || undefined;
  const core = startCoreProcess(CORE_HOST, named, { chooseWorkspaceFile, chooseSavePath, offerRestore }, (reason) =>
    fail('Bluehelm stopped', `${reason} Nothing half-imported was kept: an import is saved whole or not at all. Start Bluehelm again.`),
  );
  try {
    await core.ready;
  } catch (e) {
    fail(named ? `Bluehelm cannot open ${named}` : 'Bluehelm cannot start', e);
    return;
  }
  registerIpc((name, input) => core.call(name, input));
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // The workspace is closed cleanly (WAL checkpoint) before the app goes.
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  mainWindow = createMainWindow(PRELOAD, app.isPackaged);
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
