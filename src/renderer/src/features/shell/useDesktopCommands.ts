import { useEffect } from 'react';
import { useRegistry } from '../../actions/context';
import { invoke, isDesktop } from '../../api';

/**
 * Runs the desktop menu's commands. The preload exposes only `invoke`, so menu clicks arrive through
 * a long poll (`app.nextCommand`) as action ids, run through the action registry like a key press.
 * In the browser there is no menu and nothing to poll.
 */
export function useDesktopCommands(): void {
  const registry = useRegistry();
  useEffect(() => {
    if (!isDesktop()) return;
    let stopped = false;
    void (async () => {
      let failures = 0;
      while (!stopped) {
        try {
          const command = await invoke('app.nextCommand', {});
          failures = 0;
          // run it even if this loop was just stopped: the poll had already taken it off the queue
          // (React's StrictMode restarts effects once, which would otherwise drop a command)
          if (command) registry.run(command);
        } catch {
          // back off so a broken backend does not spin the CPU; the menu recovers when it does
          failures++;
          await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** failures)));
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [registry]);
}
