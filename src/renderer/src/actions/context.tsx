import { createContext, use, useEffect, useRef, type ReactNode } from 'react';
import { isDesktop } from '../api';
import { createKeyHandler } from './dispatch';
import { ActionRegistry, type Action, type Scope } from './registry';

const RegistryContext = createContext<ActionRegistry | null>(null);

/** One registry for the app, and its one keydown listener on the window. */
export function ActionsProvider({
  registry,
  children,
}: {
  registry: ActionRegistry;
  children: ReactNode;
}) {
  useEffect(() => {
    const onKey = createKeyHandler(registry, isDesktop);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry]);
  return <RegistryContext value={registry}>{children}</RegistryContext>;
}

/** The registry, or null where none is provided (a component rendered alone in a test). */
export const useRegistryMaybe = (): ActionRegistry | null => use(RegistryContext);

export function useRegistry(): ActionRegistry {
  const registry = use(RegistryContext);
  if (!registry) throw new Error('useRegistry outside <ActionsProvider>');
  return registry;
}

/**
 * Registers a component's actions while it is mounted. Pass them fresh on every render: they close
 * over the component's current state, and the registry always reads the latest list.
 */
export function useActions(actions: readonly Action[]): void {
  const registry = useRegistry();
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => registry.register(() => latest.current), [registry]);
}

/** The scopes a key press is for when nothing in particular has the focus (innermost first). */
export function useDefaultScopes(scopes: readonly Scope[]): void {
  const registry = useRegistry();
  const key = scopes.join(' ');
  useEffect(() => {
    const chain = key.split(' ');
    registry.defaultScopes = () => chain;
  }, [registry, key]);
}
