import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../../shared/api';

/** File (Import…, Export…, Quit), Edit (Undo/Redo of annotations, clipboard), View, Help. */
export function buildMenu(send: (command: ShellCommand) => void): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: 'Export claims…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // annotation undo lives in the backend journal, not in Chromium's text undo
        // registerAccelerator: false keeps Ctrl+Z for text fields; the renderer handles it elsewhere
        {
          label: 'Undo',
          accelerator: 'CmdOrCtrl+Z',
          registerAccelerator: false,
          click: () => send('undo'),
        },
        {
          label: 'Redo',
          accelerator: 'CmdOrCtrl+Shift+Z',
          registerAccelerator: false,
          click: () => send('redo'),
        },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'Keyboard shortcuts',
          accelerator: 'Shift+/',
          registerAccelerator: false,
          click: () => send('help'),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
