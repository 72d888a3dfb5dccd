import { useRef, useState } from 'preact/hooks';

/**
 * One tab stop for a picture's marks: Tab enters the picture at the mark
 * last visited, the arrow keys (and Home, End) move focus between marks,
 * and Enter or Space opens the focused one.
 */
export function useRovingFocus(count: number, onOpen: (index: number) => void) {
  const [active, setActive] = useState(0);
  const elements = useRef<(SVGGElement | null)[]>([]);
  const current = Math.min(active, Math.max(0, count - 1));
  const moveTo = (index: number) => {
    const next = (index + count) % count;
    setActive(next);
    elements.current[next]?.focus();
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent) => {
    const step: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowRight: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index - 1),
      ArrowLeft: () => moveTo(index - 1),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => onOpen(index),
      ' ': () => onOpen(index),
    };
    const act = step[event.key];
    if (act === undefined) return;
    event.preventDefault();
    act();
  };
  return {
    /** The props of mark `index`: its place in the tab order, its keys, and its element for focus. */
    markProps: (index: number) => ({
      tabindex: index === current ? 0 : -1,
      ref: (element: SVGGElement | null) => {
        elements.current[index] = element;
      },
      onKeyDown: onKeyDown(index),
      onFocus: () => setActive(index),
      onClick: () => {
        setActive(index);
        onOpen(index);
      },
    }),
  };
}
