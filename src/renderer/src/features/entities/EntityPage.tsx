import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Input } from '../../../../shared/api';
import type { EntityDetail } from '../../../../shared/api-entities';
import type { EntityId, ExternalIds } from '../../../../shared/model';
import { invoke, RpcError } from '../../api';
import { keys } from '../../query/keys';
import { plural } from '../../lib/format';
import { errorMessage } from '../shell/useToasts';
import { DeleteDialog, MergeDialog } from './EntityDialogs';
import { EntityNotebooks } from '../notebook/EntityNotebooks';
import { EntityClaims, EntityMentions } from './EntityRefs';
import { useEntities } from './store';
import { addAliases, normalizeWikidata, urlError, wikidataError } from './validate';

interface Props {
  id: EntityId;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
  /** after a delete or a merge: the entity page has nothing left to show */
  onGone: () => void;
  /** a message with an Undo button */
  onUndoable: (message: string) => void;
}

/** A text draft that follows the saved value unless the user is mid-edit. */
function useDraft(saved: string): [string, (v: string) => void] {
  const [draft, setDraft] = useState(saved);
  useEffect(() => setDraft(saved), [saved]);
  return [draft, setDraft];
}

/**
 * One entity: its name, kind, aliases, description and identifiers (each saved on Enter or when
 * leaving the field), and every mention and claim that refers to it, across documents.
 */
export function EntityPage({ id, onStatus, onError, onGone, onUndoable }: Props) {
  const store = useEntities();
  const uid = useId();
  const query = useQuery({
    queryKey: keys.entity(id),
    queryFn: () => invoke('entities.get', { id }),
  });
  const detail: EntityDetail | null = query.data ?? null;
  const [merging, setMerging] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string | null>>({});
  useEffect(() => {
    const e = query.error;
    if (!e) return;
    // deleted or merged away (here, by undo, or elsewhere)
    if (e instanceof RpcError && e.code === 'not_found') onGone();
    else onError(errorMessage(e, 'load the entity'));
  }, [query.error, onGone, onError]);

  const entity = detail?.entity;
  const [name, setName] = useDraft(entity?.name ?? '');
  const [description, setDescription] = useDraft(entity?.description ?? '');
  const [wikidata, setWikidata] = useDraft(entity?.externalIds.wikidata ?? '');
  const [url, setUrl] = useDraft(entity?.externalIds.url ?? '');
  const [alias, setAlias] = useState('');
  if (!detail || !entity) return <p className="pane-empty">Loading…</p>;

  const problem = (field: string, message: string | null) =>
    setProblems((p) => ({ ...p, [field]: message }));

  const save = async (field: string, patch: Input<'entities.update'>['patch']) => {
    try {
      await invoke('entities.update', { id: entity.id, patch });
      problem(field, null);
      store.changed();
      onStatus('Saved');
    } catch (e) {
      problem(field, errorMessage(e, 'save'));
    }
  };

  const saveIds = (next: ExternalIds, field: 'wikidata' | 'url') => {
    const check =
      field === 'wikidata' ? wikidataError(next.wikidata ?? '') : urlError(next.url ?? '');
    problem(field, check);
    if (check) return;
    const clean: ExternalIds = {};
    if (next.wikidata?.trim()) clean.wikidata = normalizeWikidata(next.wikidata);
    if (next.url?.trim()) clean.url = next.url.trim();
    if (clean.wikidata === entity.externalIds.wikidata && clean.url === entity.externalIds.url)
      return;
    void save(field, { externalIds: clean });
  };

  const remove = async (confirm: boolean) => {
    try {
      await invoke('entities.delete', { id: entity.id, confirm });
      setDeleting(null);
      store.changed();
      onUndoable(`Deleted ${entity.name}`);
      onGone();
    } catch (e) {
      if (e instanceof RpcError && e.code === 'conflict') setDeleting(e.message);
      else onError(errorMessage(e, 'delete the entity'));
    }
  };

  const kinds = store.vocabulary.entity_kind.includes(entity.kind)
    ? store.vocabulary.entity_kind
    : [...store.vocabulary.entity_kind, entity.kind];
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      e.currentTarget.blur();
    }
  };

  return (
    <article className="ent-page" aria-label={entity.name} data-kind={entity.kind}>
      <header className="ent-page-head">
        <div className="ent-title-row">
          <span className="kind-dot is-large" data-kind={entity.kind} aria-hidden="true" />
          <input
            className="ent-name"
            aria-label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={onEnter}
            onBlur={() => {
              const value = name.trim();
              if (value === '') {
                problem('name', 'An entity needs a name.');
                return;
              }
              if (value !== entity.name) void save('name', { name: value });
            }}
          />
          <select
            className="input select ent-kind"
            aria-label="Kind"
            value={entity.kind}
            onChange={(e) => void save('kind', { kind: e.target.value })}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        {problems.name && <p className="field-error">{problems.name}</p>}
        {problems.kind && <p className="field-error">{problems.kind}</p>}
        <p className="ent-counts">
          {plural(entity.mentionCount, 'mention')} · {plural(entity.claimCount, 'claim')}
        </p>
        <div className="ent-actions">
          <button
            type="button"
            className="btn btn-small"
            aria-haspopup="dialog"
            onClick={() => setMerging(true)}
          >
            Merge duplicates…
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => void remove(false)}
          >
            Delete entity
          </button>
        </div>
      </header>

      <div className="ent-fields">
        <div className="field">
          <span className="field-label" id={`${uid}-aliases`}>
            Aliases
          </span>
          <div className="ent-aliases" role="group" aria-labelledby={`${uid}-aliases`}>
            {entity.aliases.map((a) => (
              <span key={a} className="echip is-plain">
                <span className="echip-name">{a}</span>
                <button
                  type="button"
                  className="echip-x"
                  aria-label={`Remove alias ${a}`}
                  onClick={() =>
                    void save('aliases', { aliases: entity.aliases.filter((x) => x !== a) })
                  }
                >
                  ×
                </button>
              </span>
            ))}
            <input
              className="input ent-alias-input"
              aria-label="Add alias"
              placeholder={
                entity.aliases.length ? 'Add another' : 'Other spellings, transliterations…'
              }
              value={alias}
              onChange={(e) => setAlias(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
                e.preventDefault();
                const next = addAliases(entity.name, entity.aliases, alias);
                setAlias('');
                if (next.length !== entity.aliases.length) void save('aliases', { aliases: next });
              }}
            />
          </div>
          {problems.aliases && <p className="field-error">{problems.aliases}</p>}
          <p className="field-hint">
            Enter adds; separate several with “;”. Aliases are matched in every document.
          </p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-desc`}>
            Description
          </label>
          <textarea
            id={`${uid}-desc`}
            className="input textarea"
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            onBlur={() =>
              description.trim() !== entity.description &&
              void save('description', { description: description.trim() })
            }
          />
          {problems.description && <p className="field-error">{problems.description}</p>}
        </div>
        <div className="field-row">
          <div className="field">
            <label className="field-label" htmlFor={`${uid}-qid`}>
              Wikidata QID
            </label>
            <input
              id={`${uid}-qid`}
              className="input"
              placeholder="Q42"
              value={wikidata}
              aria-invalid={problems.wikidata ? true : undefined}
              onChange={(e) => {
                setWikidata(e.target.value);
                if (problems.wikidata) problem('wikidata', wikidataError(e.target.value));
              }}
              onKeyDown={onEnter}
              onBlur={() => saveIds({ ...entity.externalIds, wikidata }, 'wikidata')}
            />
            {problems.wikidata && <p className="field-error">{problems.wikidata}</p>}
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${uid}-url`}>
              URL
            </label>
            <input
              id={`${uid}-url`}
              className="input"
              placeholder="https://…"
              value={url}
              aria-invalid={problems.url ? true : undefined}
              onChange={(e) => {
                setUrl(e.target.value);
                if (problems.url) problem('url', urlError(e.target.value));
              }}
              onKeyDown={onEnter}
              onBlur={() => saveIds({ ...entity.externalIds, url }, 'url')}
            />
            {problems.url && <p className="field-error">{problems.url}</p>}
          </div>
        </div>
      </div>

      <EntityClaims detail={detail} />
      <EntityMentions detail={detail} onError={onError} onUndoable={onUndoable} />

      <EntityNotebooks entity={entity} onError={onError} />

      {merging && (
        <MergeDialog
          survivor={entity}
          onClose={() => setMerging(false)}
          onDone={(message) => {
            setMerging(false);
            onUndoable(message);
          }}
        />
      )}
      {deleting && (
        <DeleteDialog
          entity={entity}
          message={deleting}
          onClose={() => setDeleting(null)}
          onConfirm={() => void remove(true)}
        />
      )}
    </article>
  );
}
