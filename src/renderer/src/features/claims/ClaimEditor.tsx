import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import {
  CERTAINTIES,
  CLAIM_TYPES,
  REVIEW_STATUSES,
  STANCES,
  type Claim,
} from '../../../../shared/model';
import { ClaimEntityFields } from '../entities/ClaimEntityFields';
import { useEntitiesMaybe } from '../entities/store';
import { ClaimGrading } from '../analysis/ClaimGrading';
import { ClaimRelations } from '../relations/ClaimRelations';
import { CopyCitation } from '../sources/CopyCitation';
import { eventDateError, formatTags, parseTags } from './fields';
import { useClaimSaver, type ClaimPatch } from './useClaimSaver';

interface Props {
  claim: Claim;
  onSaved: (claim: Claim) => void;
  onDelete: () => void;
  /** the link picker is open (L, or the Link claim button) */
  linking: boolean;
  onLinking: (on: boolean) => void;
}

/** Enter saves a text field (Shift+Enter adds a line in the multi-line ones). */
const saveOnEnter = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
    e.preventDefault();
    e.currentTarget.blur();
  }
};

/** A text draft that follows the saved value unless the user is mid-edit. */
function useDraft(saved: string): [string, (v: string) => void] {
  const [draft, setDraft] = useState(saved);
  useEffect(() => setDraft(saved), [saved]);
  return [draft, setDraft];
}

/** The selected claim's editable fields. Each change is saved on its own (blur, Enter, or pick). */
export function ClaimEditor({ claim, onSaved, onDelete, linking, onLinking }: Props) {
  const { save, errors, setFieldError, status } = useClaimSaver(claim, onSaved);
  const id = useId();
  const [statement, setStatement] = useDraft(claim.statement);
  const [eventDate, setEventDate] = useDraft(claim.eventDate ?? '');
  const [tags, setTags] = useDraft(formatTags(claim.tags));
  const [note, setNote] = useDraft(claim.note);

  const commit = (patch: ClaimPatch, changed: boolean) => {
    if (changed) void save(patch);
  };
  // the workspace's own list of claim types, once loaded
  const vocabulary: readonly string[] = useEntitiesMaybe()?.vocabulary.claim_type ?? CLAIM_TYPES;
  const types = vocabulary.includes(claim.type) ? vocabulary : [...vocabulary, claim.type];

  const errorFor = (field: keyof ClaimPatch) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    ) : null;
  const described = (field: keyof ClaimPatch) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};

  return (
    <div className="claim-editor">
      <div className="field">
        <label className="field-label" htmlFor={`${id}-statement`}>
          Statement
        </label>
        <textarea
          id={`${id}-statement`}
          className="input textarea statement-input"
          rows={3}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          onKeyDown={saveOnEnter}
          onBlur={() => {
            const value = statement.trim();
            const problem =
              value === ''
                ? 'A claim needs a statement: write it in your words or keep the quote.'
                : null;
            setFieldError('statement', problem);
            if (!problem) commit({ statement: value }, value !== claim.statement);
          }}
          {...described('statement')}
        />
        {errorFor('statement')}
      </div>

      <ClaimEntityFields claim={claim} save={save} errors={errors} />

      <div className="field-row">
        <Select
          label="Stance"
          id={`${id}-stance`}
          value={claim.stance}
          options={STANCES}
          onChange={(v) => commit({ stance: v as Claim['stance'] }, v !== claim.stance)}
        />
        <Select
          label="Certainty"
          id={`${id}-certainty`}
          value={claim.certainty ?? ''}
          options={['', ...CERTAINTIES]}
          onChange={(v) =>
            commit(
              { certainty: (v || null) as Claim['certainty'] },
              (v || null) !== claim.certainty,
            )
          }
        />
      </div>
      <div className="field-row">
        <Select
          label="Type"
          id={`${id}-type`}
          value={claim.type}
          options={types}
          onChange={(v) => commit({ type: v }, v !== claim.type)}
        />
        <Select
          label="Status"
          id={`${id}-status`}
          value={claim.status}
          options={REVIEW_STATUSES}
          onChange={(v) => commit({ status: v as Claim['status'] }, v !== claim.status)}
        />
      </div>

      <div className="field">
        <label className="field-label" htmlFor={`${id}-eventDate`}>
          Event date
        </label>
        <input
          id={`${id}-eventDate`}
          className="input"
          placeholder="e.g. 2018-11-07"
          value={eventDate}
          onChange={(e) => {
            setEventDate(e.target.value);
            if (errors.eventDate) setFieldError('eventDate', eventDateError(e.target.value));
          }}
          onKeyDown={saveOnEnter}
          onBlur={() => {
            const value = eventDate.trim();
            const problem = eventDateError(value);
            setFieldError('eventDate', problem);
            if (!problem) commit({ eventDate: value || null }, (value || null) !== claim.eventDate);
          }}
          {...described('eventDate')}
        />
        {errorFor('eventDate') ?? (
          <p className="field-hint">
            A year, month or day (2018, 2018-11, 2018-11-07), or a range with “/”.
          </p>
        )}
      </div>

      <ClaimGrading claim={claim} />
      <ClaimRelations claim={claim} picking={linking} onPicking={onLinking} />

      <div className="field">
        <label className="field-label" htmlFor={`${id}-tags`}>
          Tags
        </label>
        <input
          id={`${id}-tags`}
          className="input"
          placeholder="comma, separated"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          onKeyDown={saveOnEnter}
          onBlur={() => {
            const next = parseTags(tags);
            commit({ tags: next }, formatTags(next) !== formatTags(claim.tags));
          }}
          {...described('tags')}
        />
        {errorFor('tags')}
      </div>

      <div className="field">
        <label className="field-label" htmlFor={`${id}-note`}>
          Note
        </label>
        <textarea
          id={`${id}-note`}
          className="input textarea"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={saveOnEnter}
          onBlur={() => commit({ note }, note !== claim.note)}
          {...described('note')}
        />
        {errorFor('note')}
      </div>

      <CopyCitation claimId={claim.id} />

      <div className="editor-foot">
        <span className={`save-state is-${status}`} aria-live="polite">
          {status === 'saving'
            ? 'Saving…'
            : status === 'saved'
              ? 'Saved'
              : status === 'error'
                ? 'Not saved'
                : ''}
        </span>
        <button type="button" className="btn btn-danger btn-small" onClick={onDelete}>
          Delete claim
        </button>
      </div>
    </div>
  );
}

interface SelectProps {
  label: string;
  id: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}

function Select({ label, id, value, options, onChange }: SelectProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {o === '' ? '—' : o}
          </option>
        ))}
      </select>
    </div>
  );
}
