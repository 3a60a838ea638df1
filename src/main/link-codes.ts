import { randomBytes } from 'node:crypto';
import { tokensEqual } from './http-security';

/** How long an unused one-time code stays valid: long enough for a browser to start. */
export const LINK_CODE_LIFETIME_MS = 2 * 60 * 1000;

/**
 * One-time link codes for `serve --open`: the browser's command line (readable by every local user
 * through /proc/PID/cmdline) carries a code, not the token. A code is exchanged once for the
 * token; after that, or after LINK_CODE_LIFETIME_MS, it is dead.
 */
export class LinkCodes {
  private readonly codes = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(): string {
    const code = randomBytes(24).toString('hex');
    this.codes.set(code, this.now() + LINK_CODE_LIFETIME_MS);
    return code;
  }

  /** True once for a live code; the code is deleted whatever the answer. */
  redeem(code: string): boolean {
    for (const [known, expires] of this.codes) {
      if (expires < this.now()) this.codes.delete(known);
      else if (tokensEqual(code, known)) {
        this.codes.delete(known);
        return true;
      }
    }
    return false;
  }
}
