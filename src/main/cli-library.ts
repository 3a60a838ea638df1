import type { Input, Method, Output } from '../shared/api';

/**
 * `claimdesk delete | trash | collections`: the library's organisation from a terminal, each a
 * registry call (cli.ts stays a thin switch). Output is JSON lines, like every other command.
 */

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;
type Ids = Input<'documents.trash'>['ids'];

export const LIBRARY_USAGE = `  delete <document-id...>        move documents to the trash (with their claims, mentions
                                 and relations; claimdesk trash restore brings them back)
  trash list | restore <id...> | empty [<id...>] [--yes]
                                 the trash; empty says what would go, and removes it with --yes
  collections [list]             collections as JSON lines (id, name, parentId, documentCount)
  collections create NAME [--parent ID] | rename ID NAME | delete ID
  collections add|remove ID <document-id...>
                                 put documents in a collection or take them out
`;

export class UsageError extends Error {}

const ids = (args: string[], usage: string): Ids => {
  if (args.length === 0) throw new UsageError(`Usage: ${usage}`);
  return args as unknown as Ids;
};

export async function libraryCommand(
  command: string,
  args: string[],
  options: { yes: boolean; parent?: string },
  call: Call,
  print: (value: unknown) => void,
): Promise<number> {
  if (command === 'delete') {
    const trashed = ids(args, 'claimdesk delete <document-id...>');
    print({ trashed: trashed.length, ...(await call('documents.trash', { ids: trashed })) });
    return 0;
  }
  const [sub = 'list', ...rest] = args;
  if (command === 'trash') {
    switch (sub) {
      case 'list':
        for (const entry of await call('trash.list', {})) print(entry);
        return 0;
      case 'restore':
        await call('trash.restore', { ids: ids(rest, 'claimdesk trash restore <document-id...>') });
        print({ restored: rest.length });
        return 0;
      case 'empty': {
        const entries = (await call('trash.list', {})).filter(
          (e) => rest.length === 0 || rest.includes(e.documentId),
        );
        const sum = (k: 'claims' | 'mentions' | 'relations') =>
          entries.reduce((n, e) => n + e[k], 0);
        if (!options.yes) {
          print({
            wouldRemove: {
              documents: entries.length,
              claims: sum('claims'),
              mentions: sum('mentions'),
              relations: sum('relations'),
            },
            confirm: 'run again with --yes to remove these for good',
          });
          return entries.length === 0 ? 0 : 1;
        }
        print(await call('trash.empty', rest.length > 0 ? { ids: rest as unknown as Ids } : {}));
        return 0;
      }
    }
    throw new UsageError('Usage: claimdesk trash list | restore <id...> | empty [<id...>] [--yes]');
  }
  // collections
  type CollectionId = Input<'collections.members'>['id'];
  const id = rest[0] as CollectionId;
  switch (sub) {
    case 'list':
      for (const c of await call('collections.list', {})) print(c);
      return 0;
    case 'create':
      if (!rest[0]) break;
      print(
        await call('collections.create', {
          name: rest.join(' '),
          ...(options.parent ? { parentId: options.parent as CollectionId } : {}),
        }),
      );
      return 0;
    case 'rename':
      if (!rest[1]) break;
      print(await call('collections.rename', { id, name: rest.slice(1).join(' ') }));
      return 0;
    case 'delete':
      if (!rest[0]) break;
      await call('collections.delete', { id });
      print({ deleted: id });
      return 0;
    case 'add':
    case 'remove': {
      const documentIds = ids(rest.slice(1), `claimdesk collections ${sub} ID <document-id...>`);
      await call(sub === 'add' ? 'collections.add' : 'collections.remove', { id, documentIds });
      print({ collection: id, [sub === 'add' ? 'added' : 'removed']: documentIds.length });
      return 0;
    }
    case 'members':
      for (const documentId of await call('collections.members', { id })) print({ documentId });
      return 0;
  }
  throw new UsageError(`Usage:\n${LIBRARY_USAGE}`);
}
