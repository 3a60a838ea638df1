import { CommandPalette } from '../../actions/CommandPalette';
import { HelpDialog } from '../help/HelpDialog';
import { PasswordDialog } from '../library/PasswordDialog';
import type { useLibraryImports } from '../library/useLibraryImports';
import { WorkspaceDialog } from '../workspace/WorkspaceDialog';

export type AppDialog = 'help' | 'palette' | 'workspace' | null;

interface Props {
  dialog: AppDialog;
  onClose: () => void;
  dataDir: string | null;
  prompt: ReturnType<typeof useLibraryImports>['prompt'];
  onStatus: (message: string) => void;
  onError: (message: string) => void;
  /** a restored backup or imported bundle: everything may have changed */
  onDataChanged: () => void;
}

/** The app-wide dialogs: shortcuts, command palette, workspace, and a PDF's password prompt. */
export function AppDialogs({ dialog, onClose, dataDir, prompt, ...p }: Props) {
  return (
    <>
      {dialog === 'help' && <HelpDialog onClose={onClose} />}
      {dialog === 'palette' && <CommandPalette onClose={onClose} />}
      {dialog === 'workspace' && (
        <WorkspaceDialog
          dataDir={dataDir}
          onClose={onClose}
          onStatus={p.onStatus}
          onError={p.onError}
          onChanged={p.onDataChanged}
        />
      )}
      {prompt && (
        <PasswordDialog
          fileName={prompt.fileName}
          wrongBefore={prompt.wrongBefore}
          onAnswer={prompt.answer}
        />
      )}
    </>
  );
}
