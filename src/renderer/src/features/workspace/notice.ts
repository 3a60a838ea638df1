/**
 * A message that must survive a page reload (after a restore the app reloads to drop every view of
 * the old data). Kept in sessionStorage: this window only, gone when it closes.
 */
const KEY = 'claimdesk.notice';

export function leaveNotice(message: string): void {
  try {
    sessionStorage.setItem(KEY, message);
  } catch {
    // storage can be unavailable; the notice is a courtesy
  }
}

export function takeNotice(): string | null {
  try {
    const message = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return message;
  } catch {
    return null;
  }
}
