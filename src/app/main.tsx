import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseSetupLink } from '../state/setup.ts';
import '../ui/styles.css';
import { App } from './App.tsx';
import { createServices } from './services.ts';

// Read a setup link and wipe the token from the address bar before anything renders or any
// error could be reported with the URL. Replace, not push: it must not stay in history.
const link = parseSetupLink(location.hash);
if (link) history.replaceState(null, '', `${location.pathname}${location.search}#/setup`);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App services={createServices()} link={link} />
    </StrictMode>,
  );
}
