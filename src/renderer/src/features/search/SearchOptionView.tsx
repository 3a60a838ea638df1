import type { SearchOption } from './results';
import { Snippet } from './Snippet';

const FIELD_LABEL = { statement: 'statement', quote: 'quote', note: 'note' } as const;
/** Why a passage came up that may not hold the words searched for: it names this entity. */
const VIA_LABEL = { name: 'names', alias: 'alias of', mention: 'mention of' } as const;

/** One result: where it is (document, page, claim, entity) above the snippet that matched. */
export function SearchOptionView({ option }: { option: SearchOption }) {
  switch (option.kind) {
    case 'passages': {
      const { hit } = option;
      return (
        <>
          <span className="search-where">
            <span className="search-title">{hit.documentTitle}</span>
            {hit.page && <span className="search-page">p. {hit.page.label}</span>}
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
