import { evidenceBoard } from '../analysis/board';
import { loadCards } from '../analysis/cards';
import { networkData, networkGraph, networkLink } from '../analysis/network';
import { timelineData } from '../analysis/timeline';
import { listGrades, setGrade } from '../db/grades';
import { toGexf, toGraphml } from '../exporters/network-xml';
import type { HandlerGroup } from '../rpc';

const stamp = () => new Date().toISOString().slice(0, 19).replace('T', '-').replaceAll(':', '');

/** Grading and the analysis views (issue 19). */
export const analysisHandlers: HandlerGroup = {
  'grades.set': ({ db }, input) => setGrade(db, input),
  'grades.list': ({ db }, { target }) => listGrades(db, target),
  'analysis.cards': ({ db }, { claimIds }) => loadCards(db, claimIds),
  'analysis.board': ({ db }, { focus, filter }) => evidenceBoard(db, focus, filter),
  'analysis.timeline': ({ db }, { filter }) => timelineData(db, filter),
  'analysis.network': ({ db }, input) => networkGraph(db, input),
  'analysis.networkLink': ({ db }, input) => networkLink(db, input),
  'export.network': ({ db, version }, { format, ...input }) => {
    const network = networkData(db, input);
    const generator = `Claimdesk ${version}`;
    return format === 'gexf'
      ? {
          fileName: `claimdesk-network-${stamp()}.gexf`,
          mediaType: 'application/gexf+xml',
          text: toGexf(network, generator),
        }
      : {
          fileName: `claimdesk-network-${stamp()}.graphml`,
          mediaType: 'application/graphml+xml',
          text: toGraphml(network, generator),
        };
  },
};
