import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { watchSetupLinks } from '../state/setup-link-arrival.ts';
import '../ui/styles.css';
import { App } from './App.tsx';
import { createServices } from './services.ts';

// Read a setup link and wipe the token from the address bar before anything renders or any
// error could be reported with the URL; and the same for every link that arrives while the app
// is open. Before the first render, so the router's own hashchange listener comes after ours.
watchSetupLinks();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App services={createServices()} />
    </StrictMode>,
  );
}
