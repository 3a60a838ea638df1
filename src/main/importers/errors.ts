/**
 * Why an import was refused. `code` is stable (tests and the UI key on it); `message` is for the
 * researcher and says what happened and what to do.
 */
export type ImportErrorCode =
  | 'empty' // 0-byte file
  | 'unsupported' // a type we do not read
  | 'not_text' // binary content in a file named as text
  | 'invalid_encoding' // bytes that are not valid in the detected encoding
  | 'corrupt' // a damaged or truncated file
  | 'password_required' // encrypted; ask the user for the password
  | 'wrong_password'
  | 'too_large' // over a documented limit
  | 'timed_out' // reading it took longer than one file may take (pool.ts)
  | 'cancelled'; // the researcher stopped it (OCR)

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
