import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { BibliographyFormat } from '../../../../shared/api-sources';
import type { DocumentId } from '../../../../shared/model';

export type ExportFormat = 'json' | 'csv' | 'w3c' | BibliographyFormat;
export interface ExportRequest {
  format: ExportFormat;
  documentId?: DocumentId;
}

interface Props {
  busy: boolean;
  openDocument: { id: DocumentId; title: string } | null;
  onExport: (request: ExportRequest) => void;
}

const FORMAT_LABEL: Record<ExportFormat, string> = {
  json: 'claims JSON',
  csv: 'CSV',
  w3c: 'W3C annotations',
  ris: 'RIS',
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
};

/** The bibliography of the exported claims' sources (exporters/bibliography.ts). */
export const isBibliography = (format: ExportFormat): format is BibliographyFormat =>
  format === 'ris' || format === 'bibtex' || format === 'csl-json';

/**
 * "Export claims" stays one click for the common case (everything, as claims JSON); the arrow
 * beside it opens a menu with the other formats and the open document alone.
 */
export function ExportMenu({ busy, openDocument, onExport }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  const items: { label: string; request: ExportRequest }[] = [
    ...(['json', 'csv', 'w3c'] as const).map((format) => ({
      label: `All claims as ${FORMAT_LABEL[format]}`,
      request: { format },
    })),
    ...(openDocument
      ? (['json', 'csv', 'w3c'] as const).map((format) => ({
          label: `This document as ${FORMAT_LABEL[format]}`,
          request: { format, documentId: openDocument.id },
        }))
      : []),
    ...(['ris', 'bibtex', 'csl-json'] as const).map((format) => ({
      label: `Bibliography as ${FORMAT_LABEL[format]}`,
      request: { format },
    })),
  ];

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const close = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !toggleRef.current?.contains(target))
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const closeMenu = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const list = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = list.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => {
      e.preventDefault();
      list[(i + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      closeMenu();
    } else if (e.key === 'Tab') setOpen(false);
  };

  return (
    <div className="split">
      <button
        type="button"
        className="btn btn-small split-main"
        onClick={() => onExport({ format: 'json' })}
        disabled={busy}
        title="Export every claim as claims JSON (Ctrl+E)"
      >
        {busy ? 'Exporting…' : 'Export claims'}
      </button>
      <button
        ref={toggleRef}
        type="button"
        className="btn btn-small split-toggle"
        aria-label="More export options"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
          <path d="M2 3.5 5 6.5 8 3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={`${id}-menu`}
          className="menu"
          role="menu"
          aria-label="Export"
          onKeyDown={onMenuKey}
        >
          {items.map((item, i) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`menu-item${i === 3 || (i > 0 && isBibliography(item.request.format) && !isBibliography(items[i - 1]!.request.format)) ? ' menu-item-sep' : ''}`}
              onClick={() => {
                closeMenu();
                onExport(item.request);
              }}
            >
              {item.label}
            </button>
          ))}
          {!openDocument && <p className="menu-note">Open a document to export it alone.</p>}
        </div>
      )}
    </div>
  );
}
