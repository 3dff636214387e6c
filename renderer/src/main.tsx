import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, savedLanguage } from './i18n/setup';
import { App } from './App';
import { useBluehelm } from './store';
import { viewEntry } from './views/registry';
import { readViewHash } from './views/viewHash';
import './styles.css';

initI18n(savedLanguage());
// The first view's code is fetched now, while the page asks the core for the workspace, not after.
void viewEntry(readViewHash(window.location.hash).tab ?? useBluehelm.getState().tab).load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
