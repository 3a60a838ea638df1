import {
  getDocument,
  getDocumentContent,
  getDocumentFile,
  listDocuments,
  updateDocumentMeta,
} from '../db/documents';
import { importDocument, pdfPageMap } from '../documents';
import type { HandlerGroup } from '../rpc';

export const documentHandlers: HandlerGroup = {
  'documents.list': ({ db }) => listDocuments(db),
  'documents.get': ({ db }, { id }) => getDocument(db, id),
  'documents.content': ({ db }, { id }) => getDocumentContent(db, id),
  'documents.import': ({ db }, file) => importDocument(db, file),
  'documents.file': ({ db }, { id }) => getDocumentFile(db, id),
  'documents.pageMap': async ({ db }, { id, pageIndex }) => ({
    items: await pdfPageMap(db, id, pageIndex),
  }),
  'documents.updateMeta': ({ db }, { id, meta }) => updateDocumentMeta(db, id, meta),
};
