import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $isRangeSelection,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_HIGH,
  CONTROLLED_TEXT_INSERTION_COMMAND,
} from 'lexical';
import { useEffect } from 'react';

/**
 * Typed characters are inserted by the editor, not by the browser. Chromium's own text insertion
 * in a contenteditable walks the whole editing host: in a notebook of thousands of paragraphs and
 * claim cards it cost 150–250 ms a key (bench: notebook.typing), while Lexical inserting the
 * character and updating the one text node costs a few. Composition (IME, dead keys) and
 * replacements (spelling suggestions) are left to the browser and Lexical's default handling.
 */
export function ControlledTypingPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        BEFORE_INPUT_COMMAND,
        (event) => {
          if (event.inputType !== 'insertText' || !event.data) return false;
          if (event.isComposing || editor.isComposing()) return false;
          if (!$isRangeSelection($getSelection())) return false;
          event.preventDefault();
          return editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, event.data);
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
