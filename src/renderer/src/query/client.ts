import { QueryClient } from '@tanstack/react-query';

/**
 * The renderer's one server-state cache. Data changes only through this app's own writes (which
 * invalidate what they change) or an undo/restore (which invalidates everything), so answers never
 * go stale by age, and a failed read is reported, not retried behind the researcher's back.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
