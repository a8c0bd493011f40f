import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fleet/web-common/src/styles.css';
import { App } from './app';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
