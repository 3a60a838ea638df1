/**
 * The actions the desktop menu offers. The Electron menu is built from this list and sends the
 * action id to the renderer, whose action registry (src/renderer/src/actions) runs the action of
 * that id; the renderer's action takes its label and keys from here, so the menu, the shortcut, the
 * help overlay and the tooltip cannot disagree.
 */
export interface MenuActionSpec {
  label: string;
  /** bindings in the renderer's notation (see actions/keys.ts) */
  keys: readonly string[];
  menu: 'File' | 'Edit' | 'View' | 'Help';
  /** Electron's accelerator text for the menu entry */
  accelerator: string;
  /**
   * false: the menu shows the accelerator but lets the key through to the page (Ctrl+Z must stay
   * text undo inside a field; the renderer's dispatcher decides).
   */
  registerAccelerator: boolean;
}

export const MENU_ACTIONS = {
  'file.import': {
    label: 'Import files…',
    keys: ['Mod+O'],
    menu: 'File',
    accelerator: 'CmdOrCtrl+O',
    registerAccelerator: true,
  },
  'file.export': {
    label: 'Export claims…',
    keys: ['Mod+E'],
    menu: 'File',
    accelerator: 'CmdOrCtrl+E',
    registerAccelerator: true,
  },
  'edit.undo': {
    label: 'Undo',
    keys: ['Mod+Z'],
    menu: 'Edit',
    accelerator: 'CmdOrCtrl+Z',
    registerAccelerator: false,
  },
  'edit.redo': {
    label: 'Redo',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    menu: 'Edit',
    accelerator: 'CmdOrCtrl+Shift+Z',
    registerAccelerator: false,
  },
  'app.palette': {
    label: 'Command palette…',
    keys: ['Mod+Shift+P'],
    menu: 'View',
    accelerator: 'CmdOrCtrl+Shift+P',
    registerAccelerator: false,
  },
  'help.shortcuts': {
    label: 'Keyboard shortcuts',
    keys: ['?'],
    menu: 'Help',
    accelerator: 'Shift+/',
    registerAccelerator: false,
  },
} as const satisfies Record<string, MenuActionSpec>;

export type MenuActionId = keyof typeof MENU_ACTIONS;

export const isMenuActionId = (id: string): id is MenuActionId => Object.hasOwn(MENU_ACTIONS, id);
