/** What a folder import takes in; the same types as "Import files". */
export const SUPPORTED_EXTENSIONS = [
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.xhtml',
  '.pdf',
  '.docx',
  '.epub',
] as const;

/**
 * The files of a chosen folder the importers can read: known extensions, no dotfiles and nothing
 * inside a hidden folder (.git, .obsidian…), going by the path below the chosen folder.
 */
export function supportedFiles<F extends { name: string; webkitRelativePath?: string }>(
  files: readonly F[],
): F[] {
  return files.filter((f) => {
    const name = f.name.toLowerCase();
    const path = f.webkitRelativePath || f.name;
    if (path.split('/').some((part) => part.startsWith('.'))) return false;
    return SUPPORTED_EXTENSIONS.some((ext) => name.endsWith(ext));
  });
}
