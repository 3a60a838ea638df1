import { useEffect, useState } from 'react';
import type { CitationStyle } from '../../../../shared/api-sources';
import { DEFAULT_STYLE } from '../../../../shared/citation-styles';
import { invoke } from '../../api';

/**
 * The citation style the researcher chose last, remembered on this machine and shared by every
 * place that formats citations ("Copy citation", notebook exports), with the styles to choose from.
 */
const STYLE_KEY = 'claimdesk.citationStyle';

const savedStyle = () => {
  try {
    return localStorage.getItem(STYLE_KEY) ?? DEFAULT_STYLE;
  } catch {
    return DEFAULT_STYLE;
  }
};

export function useCitationStyle(): {
  styles: CitationStyle[];
  style: string;
  setStyle: (id: string) => void;
} {
  const [styles, setStyles] = useState<CitationStyle[]>([]);
  const [style, setStyleState] = useState(savedStyle);
  useEffect(() => {
    let live = true;
    invoke('citations.styles', {}).then(
      (list) => live && setStyles(list),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  const setStyle = (id: string) => {
    setStyleState(id);
    try {
      localStorage.setItem(STYLE_KEY, id);
    } catch {
      /* private mode: not remembered */
    }
  };
  // until the list arrives, the remembered style stands for itself
  return {
    styles: styles.length ? styles : [{ id: style, title: style, builtin: true }],
    style,
    setStyle,
  };
}
