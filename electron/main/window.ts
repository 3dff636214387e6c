import { BrowserWindow } from 'electron';
import { APP_START_URL, webPreferences } from './policy';

/** The one Bluehelm window: sandboxed, context-isolated, no Node, our preload, our page. */
export function createMainWindow(preload: string, packaged: boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Bluehelm',
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(preload, packaged),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}
