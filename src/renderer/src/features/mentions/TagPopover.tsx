import {
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { CERTAINTIES, type Certainty } from '../../../../shared/model';
import { eventDateError, excerpt } from '../claims/fields';
import { ChoiceField } from '../entities/ChoiceField';
import { EntityCombobox } from '../entities/EntityCombobox';
import type { EntityRef } from '../entities/options';
import { useEntities } from '../entities/store';
import { useSelectionPlacement } from '../../lib/popupPlacement';
import './mentions.css';

export interface ClaimFields {
  claimant: EntityRef | null;
  subjects: EntityRef[];
  type: string | null;
  certainty: Certainty | null;
  eventDate: string | null;
}

/** The selection's box in window coordinates: its first line's top and left, its last line's bottom. */
export interface Anchor {
  top: number;
  bottom: number;
  left: number;
}

interface Props {
  mode: 'claim' | 'mention';
  /** the selection's box on screen */
  at: Anchor;
  quote: string;
  onSaveClaim: (fields: ClaimFields) => Promise<void>;
  onSaveMention: (entity: EntityRef) => Promise<void>;
  onCancel: () => void;
}

const WIDTH = 400;

/**
 * The tagging popover at the selection: C tags a claim (claimant, subjects, type, certainty, date;
 * Tab moves, Enter saves), E an entity mention (Enter takes the best match or creates it).
 * Escape, or a click elsewhere, cancels: nothing is written until Enter.
 */
export function TagPopover({ mode, at, quote, onSaveClaim, onSaveMention, onCancel }: Props) {
  const store = useEntities();
  const ref = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<ClaimFields>({
    claimant: null,
    subjects: [],
    type: null,
    certainty: null,
    eventDate: null,
  });
  const [date, setDate] = useState('');
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);

  const { refs, floatingStyles } = useSelectionPlacement(at);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onCancel();
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [onCancel]);

  useEffect(() => {
    const input = firstRef.current;
    input?.focus({ preventScroll: true });
    if (mode === 'mention') input?.select();
  }, [mode]);

  const saveClaim = async () => {
    if (saving) return;
    const problemWithDate = eventDateError(date);
    setDateProblem(problemWithDate);
    if (problemWithDate) return;
    setSaving(true);
    try {
      await onSaveClaim({ ...fields, eventDate: date.trim() || null });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };

  const saveMention = async (values: EntityRef[]) => {
    const entity = values[0];
    if (!entity || saving) return;
    setSaving(true);
    try {
      await onSaveMention(entity);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };

  // Tab cycles inside the popover: leaving it by Tab would strand the half-tagged selection
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onCancel();
      return;
    }
    if (e.key !== 'Tab') return;
    const stops = [
      ...(ref.current?.querySelectorAll<HTMLElement>('input, button[type="submit"]') ?? []),
    ];
    const i = stops.indexOf(e.target as HTMLElement);
    const next = e.shiftKey ? (i <= 0 ? stops.length - 1 : -1) : i === stops.length - 1 ? 0 : -1;
    if (next >= 0) {
      e.preventDefault();
      stops[next]?.focus();
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'claim') void saveClaim();
  };

  const label = mode === 'claim' ? 'Tag claim' : 'Tag entity mention';
  return (
    <form
      ref={(el) => {
        ref.current = el;
        refs.setFloating(el);
      }}
      className={`tag-popover is-${mode}`}
      role="dialog"
      aria-label={label}
      style={{ ...floatingStyles, width: WIDTH }}
      onKeyDown={onKeyDown}
      onSubmit={onSubmit}
    >
      <div className="tp-head">
        <span className="tp-kind">{mode === 'claim' ? 'Claim' : 'Mention'}</span>
        <span className="tp-quote">{excerpt(quote, 90)}</span>
      </div>
      {mode === 'mention' ? (
        <div className="tp-row is-single">
          <EntityCombobox
            label="Entity"
            values={[]}
            initialQuery={excerpt(quote, 200)}
            inputRef={firstRef}
            placeholder="Find or create an entity"
            onChange={(values) => void saveMention(values)}
            onEscape={onCancel}
          />
        </div>
      ) : (
        <>
          <Row label="Claimant">
            <EntityCombobox
              label="Claimant"
              values={fields.claimant ? [fields.claimant] : []}
              inputRef={firstRef}
              placeholder="Who asserts it?"
              tabPicks
              onChange={(v) => setFields((f) => ({ ...f, claimant: v.at(-1) ?? null }))}
              onSubmit={() => void saveClaim()}
              onEscape={onCancel}
            />
          </Row>
          <Row label="Subjects">
            <EntityCombobox
              label="Subjects"
              multiple
              values={fields.subjects}
              placeholder="About whom?"
              tabPicks
              onChange={(v) => setFields((f) => ({ ...f, subjects: v }))}
              onSubmit={() => void saveClaim()}
              onEscape={onCancel}
            />
          </Row>
          <div className="tp-pair">
            <Row label="Type">
              <ChoiceField
                label="Type"
                value={fields.type}
                choices={store.vocabulary.claim_type}
                placeholder="other"
                onChange={(type) => setFields((f) => ({ ...f, type }))}
                onSubmit={() => void saveClaim()}
                onEscape={onCancel}
              />
            </Row>
            <Row label="Certainty">
              <ChoiceField
                label="Certainty"
                value={fields.certainty}
                choices={CERTAINTIES}
                placeholder="—"
                onChange={(c) => setFields((f) => ({ ...f, certainty: c as Certainty | null }))}
                onSubmit={() => void saveClaim()}
                onEscape={onCancel}
              />
            </Row>
          </div>
          <Row label="Date">
            <input
              className="ecombo-input tp-date"
              aria-label="Event date"
              aria-invalid={dateProblem ? true : undefined}
              placeholder="2018, 2018-11, 2018-11-07/08…"
              autoComplete="off"
              spellCheck={false}
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                if (dateProblem) setDateProblem(eventDateError(e.target.value));
              }}
            />
          </Row>
          {dateProblem && <p className="field-error tp-error">{dateProblem}</p>}
        </>
      )}
      {problem && (
        <p className="field-error tp-error" role="alert">
          {problem}
        </p>
      )}
      <div className="tp-foot">
        <span className="tp-keys">
          {mode === 'claim' ? (
            <>
              <kbd>Tab</kbd> next <kbd>Enter</kbd> save <kbd>Esc</kbd> cancel
            </>
          ) : (
            <>
              <kbd>↑</kbd>
              <kbd>↓</kbd> choose <kbd>Enter</kbd> tag <kbd>Esc</kbd> cancel
            </>
          )}
        </span>
        {mode === 'claim' && (
          <button type="submit" className="btn btn-primary btn-small" disabled={saving}>
            {saving ? 'Saving…' : 'Save claim'}
          </button>
        )}
      </div>
    </form>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="tp-row">
      <span className="tp-label" aria-hidden="true">
        {label}
      </span>
      <div className="tp-field">{children}</div>
    </div>
  );
}
