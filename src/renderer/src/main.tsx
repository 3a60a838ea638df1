import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { takeSessionFromAddress } from './session';
import './styles/base.css';
import './styles/layout.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/claims.css';
import './styles/search.css';
import './styles/table.css';
import './styles/workspace.css';
import './features/notebook/notebook.css';

// the serve shell's link carries the session in its fragment: keep it before anything calls the API
void takeSessionFromAddress().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
