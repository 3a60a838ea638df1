import type { AppInfo } from '../../../../shared/api';
import { WorkspaceCheck } from './WorkspaceCheck';

/** The unobtrusive footer: which workspace is open, and the last thing that happened. */
export function StatusBar({ info, message }: { info: AppInfo | null; message: string }) {
  return (
    <footer className="statusbar">
      <span className="status-message">{message}</span>
      <WorkspaceCheck />
      {info && (
        <span className="status-info" title={`Workspace folder: ${info.dataDir}`}>
          Workspace <span className="status-path">{info.dataDir}</span> · Claimdesk {info.version}
        </span>
      )}
    </footer>
  );
}
