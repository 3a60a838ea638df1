import { useSyncExternalStore, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { useRegistry, useRegistryMaybe } from './context';
import { ariaBinding, bindingText } from './keys';
import type { Action } from './registry';

/** The tooltip and aria-keyshortcuts of an action: "Delete the selected claim (Delete)". */
export function actionHint(action: Action | undefined): {
  title?: string;
  'aria-keyshortcuts'?: string;
} {
  if (!action) return {};
  const keys = action.keys ?? [];
  return {
    title: keys[0] ? `${action.label} (${bindingText(keys[0])})` : action.label,
    ...(keys.length > 0 ? { 'aria-keyshortcuts': keys.map((k) => ariaBinding(k)).join(' ') } : {}),
  };
}

/** The registered action of this id, kept current as actions come and go. */
export function useAction(id: string): Action | undefined {
  const registry = useRegistryMaybe();
  useSyncExternalStore(registry?.subscribe ?? noSubscription, registry?.getVersion ?? zero);
  return registry?.get(id);
}
const noSubscription = () => () => {};
const zero = () => 0;

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick'> & {
  action: string;
  children: ReactNode;
};

/**
 * A button that runs a registered action: its tooltip and aria-keyshortcuts come from the action, so
 * the shortcut shown is the one that works. Nothing clicks buttons to run actions; buttons run them.
 */
export function ActionButton({ action: id, children, ...rest }: Props) {
  const registry = useRegistry();
  const action = useAction(id);
  return (
    <button type="button" {...actionHint(action)} {...rest} onClick={() => registry.run(id)}>
      {children}
    </button>
  );
}
