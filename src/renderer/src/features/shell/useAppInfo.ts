import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/api';
import { invoke } from '../../api';
import { takeNotice } from '../workspace/notice';
import { errorMessage } from './useToasts';

/** The backend's version and workspace folder, and a message left from before a reload. */
export function useAppInfo(info: (message: string) => void, error: (message: string) => void) {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  // a message from before a reload (a restored backup)
  useEffect(() => {
    const notice = takeNotice();
    if (notice) info(notice);
  }, [info]);
  useEffect(() => {
    invoke('app.info', {}).then(setAppInfo, (e: unknown) =>
      error(errorMessage(e, 'reach the backend')),
    );
  }, [error]);
  return appInfo;
}
