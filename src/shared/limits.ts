/** Documented limits (docs/security.md): beyond them the user gets a clear message, not a hang. */
export const LIMITS = {
  /** largest file accepted for import */
  maxFileBytes: 200 * 1024 * 1024,
  /** most pages read from one PDF */
  maxPdfPages: 5_000,
  /** most scanned pages OCR reads in one file (each takes seconds: 1,000 is an hour or more) */
  maxOcrPages: 1_000,
  /** longest canonical text of one document (characters) */
  maxTextChars: 50 * 1024 * 1024,
  /** longest free-text field (statement, note, description) */
  maxFieldChars: 100_000,
  /** longest short name (entity name, alias, tag, title) */
  maxNameChars: 1_000,
  /** most spans in one claim */
  maxSpans: 50,
  /** largest JSON body the HTTP shell reads (base64 file uploads included) */
  maxRequestBytes: 300 * 1024 * 1024,
} as const;
