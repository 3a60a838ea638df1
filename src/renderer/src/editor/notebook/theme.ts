import type { EditorThemeClasses } from 'lexical';

/** Class names of the notebook editor's nodes (styled in features/notebook/notebook.css). */
export const notebookTheme: EditorThemeClasses = {
  paragraph: 'nb-p',
  quote: 'nb-quote',
  heading: { h1: 'nb-h1', h2: 'nb-h2', h3: 'nb-h3', h4: 'nb-h4', h5: 'nb-h5', h6: 'nb-h6' },
  list: { ul: 'nb-ul', ol: 'nb-ol', listitem: 'nb-li', nested: { listitem: 'nb-li-nested' } },
  link: 'nb-link',
  table: 'nb-table',
  tableCell: 'nb-td',
  tableCellHeader: 'nb-th',
  text: {
    bold: 'nb-bold',
    italic: 'nb-italic',
    underline: 'nb-underline',
    strikethrough: 'nb-strike',
    underlineStrikethrough: 'nb-underline nb-strike',
    code: 'nb-code',
    subscript: 'nb-sub',
    superscript: 'nb-sup',
  },
};
