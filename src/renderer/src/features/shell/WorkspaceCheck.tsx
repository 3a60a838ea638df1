import { useQuery } from '@tanstack/react-query';
import type { WorkspaceCheckStatus } from '../../../../shared/api-library';
import { invoke } from '../../api';

const STEPS: Record<NonNullable<WorkspaceCheckStatus['progress']>['step'], string> = {
  integrity: 'reading every page',
  foreign_keys: 'checking references',
  files: 'checking original files',
};

/**
 * The background check's progress and finding, in the status bar (the backend runs it after open
 * in a thread of its own: background-check.ts). Asked for once a second while it runs, then no more.
 * Only a problem is announced (an alert); progress is plain text, not a live region.
 */
export function WorkspaceCheck() {
  const { data } = useQuery({
    queryKey: ['workspaceCheck'],
    queryFn: () => invoke('workspace.checkStatus', {}),
    refetchInterval: (query) =>
      !query.state.data ||
      query.state.data.state === 'running' ||
      query.state.data.state === 'not_started'
        ? 1000
        : false,
  });
  if (!data || data.state === 'not_started') return null;
  if (data.state === 'running') {
    const p = data.progress;
    const detail =
      p && p.step === 'files' && p.total > 0
        ? `${STEPS.files} ${p.done} of ${p.total}`
        : p
          ? STEPS[p.step]
          : 'starting';
    return <span className="status-check">Checking the workspace: {detail}…</span>;
  }
  if (data.state === 'ok') {
    return <span className="status-check">Workspace checked</span>;
  }
  return (
    <span className="status-check is-problem" role="alert" title={data.message ?? undefined}>
      {data.state === 'damaged' ? 'Damaged: read-only' : 'Check found problems'} — {data.message}
    </span>
  );
}
