import type { DocumentId } from '../../../../shared/model';
import { placeIn } from '../../../../shared/source-groups';
import { typeLabel } from '../../lib/format';
import type { SearchOption } from './results';
import { Snippet } from './Snippet';

const FIELD_LABEL = { statement: 'statement', quote: 'quote', note: 'note' } as const;
/** Why a passage came up that may not hold the words searched for: it names this entity. */
const VIA_LABEL = { name: 'names', alias: 'alias of', mention: 'mention of' } as const;

/**
 * One result: where it is (page, claim, entity) above the snippet that matched. A passage is
 * listed under its work (the group's label), so it says which of the work's files it opens in.
 */
export function SearchOptionView({ option, file }: { option: SearchOption; file?: DocumentId }) {
  switch (option.kind) {
    case 'passages': {
      const { hit } = option;
      const place = placeIn(hit, file);
      return (
        <>
          <span className="search-where">
            {hit.also.length > 0 && (
              <span className="search-field-label">in the {typeLabel(place.mediaType)}</span>
            )}
            {place.page && <span className="search-page">p. {place.page.label}</span>}
            {hit.via && (
              <span className="search-field-label">
                {VIA_LABEL[hit.via.as]} {hit.via.entityName}
              </span>
            )}
          </span>
          <Snippet snippet={hit.snippet} className="search-snippet is-passage" />
        </>
      );
    }
    case 'claims': {
      const { hit } = option;
      return (
        <>
          <span className="search-where">
            <span className="search-title">{hit.documentTitle}</span>
            {hit.field !== 'statement' && (
              <span className="search-field-label">in {FIELD_LABEL[hit.field]}</span>
            )}
          </span>
          {hit.field !== 'statement' && <span className="search-statement">{hit.statement}</span>}
          <Snippet snippet={hit.snippet} className="search-snippet" />
        </>
      );
    }
    case 'entities': {
      const { hit } = option;
      return (
        <>
          <span className="search-where">
            <span className="search-title">{hit.name}</span>
            <span className="badge">{hit.kind}</span>
            {hit.field === 'alias' && <span className="search-field-label">alias</span>}
          </span>
          {hit.field === 'alias' && <Snippet snippet={hit.snippet} className="search-snippet" />}
        </>
      );
    }
    case 'notebooks': {
      const { hit } = option;
      return (
        <>
          <span className="search-where">
            <span className="search-title">{hit.title}</span>
            <span className="badge">notebook</span>
          </span>
          {hit.field === 'text' && <Snippet snippet={hit.snippet} className="search-snippet" />}
        </>
      );
    }
  }
}
