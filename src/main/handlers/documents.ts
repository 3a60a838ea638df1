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
  'documents.import': ({ db, dataDir }, { ocrLanguages, job, ...file }) =>
    importDocument(db, file, { dataDir, ocrLanguages, job }),
  'documents.file': ({ db }, { id }) => getDocumentFile(db, id),
  'documents.pageMap': ({ db }, { id, pageIndex }) => pdfPageMap(db, id, pageIndex),
  'documents.updateMeta': ({ db }, { id, meta }) => updateDocumentMeta(db, id, meta),
};
