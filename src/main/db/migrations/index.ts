import type { Database } from 'better-sqlite3';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-search';
import { migration0003 } from './0003-mentions';
import { migration0004 } from './0004-pdf-page-maps';
import { migration0005 } from './0005-grading-and-provenance';
import { migration0006 } from './0006-notebooks';
import { migration0007 } from './0007-ocr-pages';
import { migration0008 } from './0008-sources';
import { migration0009 } from './0009-list-order';
import { migration0010 } from './0010-file-store';
import { migration0011 } from './0011-portable-schema';
import { migration0012 } from './0012-trash-collections';
import { migration0013 } from './0013-text-astral';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
