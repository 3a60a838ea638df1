import { LinkNode, AutoLinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { createCommand, type LexicalCommand } from 'lexical';
import type { ClaimId } from '../../../../shared/model';
import type { ClaimSnapshot } from '../../../../shared/notebook-json';
import { ClaimNode } from './ClaimNode';
import { EntityMentionNode } from './EntityMentionNode';

/** Every node a notebook may hold (the backend accepts exactly these: shared/notebook-json.ts). */
export const NOTEBOOK_NODES = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  ClaimNode,
  EntityMentionNode,
];

/** Inserts a claim at the selection (typeahead, drop, "Insert in notebook"). */
export const INSERT_CLAIM_COMMAND: LexicalCommand<{ claimId: ClaimId; last: ClaimSnapshot }> =
  createCommand('INSERT_CLAIM_COMMAND');
