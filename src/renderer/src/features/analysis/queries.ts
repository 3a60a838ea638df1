import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnalysisFilter } from '../../../../shared/api-analysis';
import type { Reliability } from '../../../../shared/grading';
import type { Input } from '../../../../shared/api';
import { invoke } from '../../api';
import { timelineClaims } from '../../../../shared/timeline-claims';

/**
 * The analysis views' server state, in the query cache. Every key starts with 'analysis', so a
 * grade or a relation made anywhere invalidates all three views at once; the claims table and the
 * claims panel show grades and support too, so their keys go as well.
 */
export const analysisKeys = {
  all: ['analysis'] as const,
  board: (focus: Input<'analysis.board'>['focus'], filter: AnalysisFilter) =>
    ['analysis', 'board', focus, filter] as const,
  timeline: (filter: AnalysisFilter) => ['analysis', 'timeline', filter] as const,
  network: (input: Input<'analysis.network'>) => ['analysis', 'network', input] as const,
  networkLink: (input: Input<'analysis.networkLink'>) =>
    ['analysis', 'network-link', input] as const,
  cards: (ids: readonly string[]) => ['analysis', 'cards', ids] as const,
};

export function useBoard(focus: Input<'analysis.board'>['focus'] | null, filter: AnalysisFilter) {
  return useQuery({
    queryKey: analysisKeys.board(focus ?? { entityId: 'none' as never }, filter),
    queryFn: () => invoke('analysis.board', { focus: focus!, filter }),
    enabled: focus !== null,
    placeholderData: (previous) => previous,
  });
}

export function useTimeline(filter: AnalysisFilter, enabled: boolean) {
  return useQuery({
    queryKey: analysisKeys.timeline(filter),
    queryFn: async () => timelineClaims(await invoke('analysis.timeline', { filter })),
    enabled,
    placeholderData: (previous) => previous,
    // a new timeline is a new timeline: comparing 100,000 claims with the last one shares nothing
    structuralSharing: false,
  });
}

export function useNetwork(input: Input<'analysis.network'>, enabled: boolean) {
  return useQuery({
    queryKey: analysisKeys.network(input),
    queryFn: () => invoke('analysis.network', input),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** Stored reliability grades of documents or entities, by id. */
export function useGrades(target: 'document' | 'entity'): Map<string, Reliability> {
  const grades = useQuery({
    queryKey: ['analysis', 'grades', target],
    queryFn: () => invoke('grades.list', { target }),
  });
  const out = new Map<string, Reliability>();
  for (const g of grades.data ?? []) if (g.reliability) out.set(g.targetId, g.reliability);
  return out;
}

export function useCards(ids: readonly string[]) {
  return useQuery({
    queryKey: analysisKeys.cards(ids),
    queryFn: () => invoke('analysis.cards', { claimIds: ids as never }),
    enabled: ids.length > 0,
  });
}

/** Invalidates what a grade or a relation changes: every analysis view, the table, the claims. */
function useInvalidateEvidence() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: analysisKeys.all }),
      client.invalidateQueries({ queryKey: ['table'] }),
      client.invalidateQueries({ queryKey: ['claims'] }),
      client.invalidateQueries({ queryKey: ['relations'] }),
    ]);
}

export function useSetGrade() {
  const invalidate = useInvalidateEvidence();
  return useMutation({
    mutationFn: (input: Input<'grades.set'>) => invoke('grades.set', input),
    onSuccess: invalidate,
  });
}

export function useRelate() {
  const invalidate = useInvalidateEvidence();
  return useMutation({
    mutationFn: (input: Input<'relations.create'>) => invoke('relations.create', input),
    onSuccess: invalidate,
  });
}
