import type { ErrorCode } from '../shared/api';

/** An error the user should see as-is: code for programs, message for people. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string) =>
  new AppError(
    'not_found',
    `No ${what} with id ${id} in this workspace. It may have been deleted.`,
  );

/** Why a workspace could not be opened. Nothing was written when this is thrown. */
export class WorkspaceError extends Error {
  constructor(
    readonly code: 'corrupt' | 'newer_version' | 'not_a_workspace' | 'locked',
    message: string,
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}
