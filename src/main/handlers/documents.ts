import { getDocument, getDocumentContent, listDocuments, updateDocumentMeta } from '../db/documents';
import { importDocument } from '../documents';
import type { HandlerGroup } from '../rpc';

export const documentHandlers: HandlerGroup = {
  'documents.list': ({ db }) => listDocuments(db),
  'documents.get': ({ db }, { id }) => getDocument(db, id),
  'documents.content': ({ db }, { id }) => getDocumentContent(db, id),
  'documents.import': ({ db }, file) => importDocument(db, file),
  'documents.updateMeta': ({ db }, { id, meta }) => updateDocumentMeta(db, id, meta),
};
