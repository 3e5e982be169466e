import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps the keyboard where the work is in a list editor: a row added with the Add button gets
 * the focus on its first field (`idOf(index)`); after a removal, which takes the focused button
 * away, the focus goes to the Add button instead of falling back to the top of the page.
 * Returns what the Add button calls before adding.
 */
export function useRowFocus(count: number, idOf: (index: number) => string, addButton: RefObject<HTMLElement | null>) {
  const previous = useRef(count);
  const adding = useRef(false);
  useEffect(() => {
    if (adding.current && count > previous.current) document.getElementById(idOf(count - 1))?.focus();
    else if (count < previous.current && document.activeElement === document.body) addButton.current?.focus();
    adding.current = false;
    previous.current = count;
  }, [count, idOf, addButton]);
  return () => {
    adding.current = true;
  };
}
