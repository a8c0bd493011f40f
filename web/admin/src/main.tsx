import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setRouterBase } from '@fleet/web-common';
import '@fleet/web-common/src/styles.css';
import { App } from './app';

setRouterBase('/admin');
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
