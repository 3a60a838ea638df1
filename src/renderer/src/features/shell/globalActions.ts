import { MENU_ACTIONS, type MenuActionId } from '../../../../shared/menu-actions';
import type { Action } from '../../actions/registry';

import {
  ANALYSIS_KEYS,
  ANALYSIS_LABELS,
  ANALYSIS_VIEWS,
  type AnalysisView,
} from '../analysis/AnalysisLayers';

export type View = 'reader' | 'table' | 'entities' | 'notebooks' | AnalysisView;

interface Deps {
  setView: (update: (v: View) => View) => void;
  focusSearch: () => void;
  pickFiles: () => void;
  exportClaims: () => void;
  undo: () => void;
  redo: () => void;
  openHelp: () => void;
  openPalette: () => void;
  escape: () => void;
}

/** An action the desktop menu also offers: its label and keys come from the menu's list. */
const fromMenu = (id: MenuActionId, perform: () => void): Action => {
  const spec = MENU_ACTIONS[id];
  return {
    id,
    label: spec.label.replace(/…$/, ''),
    keys: spec.keys,
    scope: 'global',
    perform,
    menuAccelerator: spec.registerAccelerator,
  };
};

/** The actions that apply wherever the focus is: views, search, files, history, help. */
export function globalActions(d: Deps): Action[] {
  const toggle = (view: View) => () => d.setView((v) => (v === view ? 'reader' : view));
  return [
    {
      id: 'view.reader',
      label: 'Show the reader',
      keys: ['R'],
      scope: 'global',
      perform: () => d.setView(() => 'reader'),
    },
    {
      id: 'view.table',
      label: 'Switch between the reader and the claims table',
      keys: ['T'],
      scope: 'global',
      perform: toggle('table'),
    },
    {
      id: 'view.entities',
      label: 'Entities and suggested mentions (again: back to the reader)',
      keys: ['G'],
      scope: 'global',
      perform: toggle('entities'),
    },
    // the evidence board, the timeline and the network (issue 19); N in the entities view is "new"
    ...ANALYSIS_VIEWS.map((v): Action => ({
      id: `view.${v}`,
      label: `${ANALYSIS_LABELS[v]} (again: back to the reader)`,
      keys: [ANALYSIS_KEYS[v]],
      scope: 'global',
      perform: toggle(v),
    })),
    {
      id: 'view.notebooks',
      label: 'Notebooks: findings with claims as cited evidence (again: back to the reader)',
      keys: ['O'],
      scope: 'global',
      perform: toggle('notebooks'),
    },
    {
      id: 'search.focus',
      label: 'Search passages, claims and entities',
      keys: ['/', 'Mod+K'],
      scope: 'global',
      // Ctrl+K reaches the search box even from another field; "/" is a letter there
      whileTyping: true,
      perform: d.focusSearch,
    },
    fromMenu('file.import', d.pickFiles),
    fromMenu('file.export', d.exportClaims),
    fromMenu('edit.undo', d.undo),
    fromMenu('edit.redo', d.redo),
    fromMenu('help.shortcuts', d.openHelp),
    fromMenu('app.palette', d.openPalette),
    {
      id: 'app.escape',
      label: 'Clear the text selection, then the selected claim',
      keys: ['Escape'],
      scope: 'global',
      hidden: true,
      perform: d.escape,
    },
  ];
}
