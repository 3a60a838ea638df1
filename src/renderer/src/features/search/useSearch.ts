import { useEffect, useRef, useState } from 'react';
import type { SearchResults } from '../../../../shared/api-search';
import type { DocumentId } from '../../../../shared/model';
import { invoke } from '../../api';
import { errorMessage } from '../shell/useToasts';

/** Typing pauses this long before a query is sent: fast enough to feel live, few wasted queries. */
const DEBOUNCE_MS = 180;
/** A query still running after this long shows progress; faster ones never flicker a spinner. */
const SLOW_MS = 300;

export interface SearchState {
  results: SearchResults | null;
  /** a message that says what to fix (syntax) or what went wrong */
  error: string | null;
  /** a query is waiting or running */
  pending: boolean;
  /** the running query has taken long enough to show progress */
  slow: boolean;
  /** the query the results belong to */
  query: string;
}

const IDLE: SearchState = { results: null, error: null, pending: false, slow: false, query: '' };

/** Debounced search with only the latest answer kept (older ones that arrive late are dropped). */
export function useSearch(
  query: string,
  limit: number,
  documentId: DocumentId | null,
): SearchState {
  const [state, setState] = useState<SearchState>(IDLE);
  const seq = useRef(0);

  useEffect(() => {
    const id = ++seq.current;
    const q = query.trim();
    if (q === '') {
      setState(IDLE);
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    let slowTimer: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => {
      slowTimer = setTimeout(() => {
        if (seq.current === id) setState((s) => ({ ...s, slow: true }));
      }, SLOW_MS);
      invoke('search.query', {
        query: q,
        limit,
        ...(documentId ? { documentId } : {}),
      })
        .then(
          (results) => {
            if (seq.current !== id) return;
            setState({ results, error: null, pending: false, slow: false, query: q });
          },
          (e: unknown) => {
            if (seq.current !== id) return;
            const message = errorMessage(e, 'search');
            setState({ results: null, error: message, pending: false, slow: false, query: q });
          },
        )
        .finally(() => clearTimeout(slowTimer));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      clearTimeout(slowTimer);
    };
  }, [query, limit, documentId]);

  return state;
}
