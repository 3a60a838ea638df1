import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on the reader's nodes; styled in styles/reader.css. */
export const readerTheme: EditorThemeClasses = {
  paragraph: 'rd-block rd-p',
  quote: 'rd-block rd-quote',
  heading: {
    h1: 'rd-block rd-h rd-h1',
    h2: 'rd-block rd-h rd-h2',
    h3: 'rd-block rd-h rd-h3',
    h4: 'rd-block rd-h rd-h4',
    h5: 'rd-block rd-h rd-h5',
    h6: 'rd-block rd-h rd-h6',
  },
  link: 'rd-link',
  mark: 'rd-mark',
  markOverlap: 'rd-mark--overlap',
  text: {
    bold: 'rd-t-bold',
    italic: 'rd-t-italic',
    code: 'rd-t-code',
    strikethrough: 'rd-t-strike',
    superscript: 'rd-t-sup',
    subscript: 'rd-t-sub',
  },
};
