/**
 * Metadata text as found in files is hostile input: control characters, direction overrides
 * ("Report\u202Efdp.exe"), zero-width characters, runs of whitespace. This cleans one value.
 */
// TODO(issue 14): use the shared sanitizer in src/shared once it lands, here and nowhere else.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function cleanMetaText(value: string): string {
  return value.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
}
