import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, savedLanguage } from './i18n/setup';
import { App } from './App';
import { useBluehelm } from './store';
import { askEarly, draftOf } from './store/viewSlice';
import { askWorkspaceEarly } from './store/workspaceSlice';
import { viewEntry } from './views/registry';
import { readViewHash } from './views/viewHash';
import './styles.css';

initI18n(savedLanguage());
// The first view's code and numbers, and the workspace's description, are asked for now, not after the first render.
const asked = readViewHash(window.location.hash);
void viewEntry(asked.tab ?? useBluehelm.getState().tab).load();
askEarly(asked.spec ? draftOf(asked.spec) : useBluehelm.getState().draft);
askWorkspaceEarly();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
