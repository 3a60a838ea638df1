import type { ReactNode } from 'react';
import type { View } from './globalActions';

/**
 * One main view's layer. All views stay mounted (a view keeps its scroll, filter and drafts while
 * another is in front); the ones behind are inert. `data-scope` makes the view's actions apply
 * while the focus is inside it (actions/README.md).
 */
export function ViewLayer({
  name,
  current,
  className,
  children,
}: {
  name: View;
  current: View;
  className: string;
  children: ReactNode;
}) {
  const behind = current !== name;
  return (
    <div className={`${className}${behind ? ' is-behind' : ''}`} data-scope={name} inert={behind}>
      {children}
    </div>
  );
}
