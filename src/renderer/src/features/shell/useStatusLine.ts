import { useEffect, useState } from 'react';

/**
 * The status line's last message. It describes the document in front of the user, so opening
 * another document clears it.
 */
export function useStatusLine(documentId: string | undefined) {
  const [status, setStatus] = useState('');
  useEffect(() => setStatus(''), [documentId]);
  return [status, setStatus] as const;
}
