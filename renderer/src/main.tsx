import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, savedLanguage } from './i18n/setup';
import { App } from './App';
import './styles.css';

initI18n(savedLanguage());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
