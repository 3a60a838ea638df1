import { Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_ACTIONS, type MenuActionId, type MenuActionSpec } from '../../shared/menu-actions';

/** The entries of one menu, from the shared list of menu actions; a click sends the action id. */
function entries(
  menu: MenuActionSpec['menu'],
  send: (id: MenuActionId) => void,
): MenuItemConstructorOptions[] {
  return (Object.entries(MENU_ACTIONS) as [MenuActionId, MenuActionSpec][])
    .filter(([, spec]) => spec.menu === menu)
    .map(([id, spec]) => ({
      label: spec.label,
      accelerator: spec.accelerator,
      // false: the key reaches the page, whose dispatcher decides (Ctrl+Z in a field is text undo)
      registerAccelerator: spec.registerAccelerator,
      click: () => send(id),
    }));
}

/** File (Import…, Export…, Quit), Edit (Undo/Redo of annotations, clipboard), View, Help. */
export function buildMenu(send: (id: MenuActionId) => void): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        ...entries('File', send),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // annotation undo lives in the backend journal, not in Chromium's text undo
        ...entries('Edit', send),
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...entries('View', send),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'help', submenu: entries('Help', send) },
  ];
  return Menu.buildFromTemplate(template);
}
