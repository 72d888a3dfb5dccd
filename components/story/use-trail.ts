import { useCallback, useEffect, useState } from 'preact/hooks';

/** The lens entities a reader has opened one from another, and the way back through them. */
export interface Trail {
  /** The entity shown now, if any. */
  shown: string | undefined;
  /** The one before it, where Back leads. */
  previous: string | undefined;
  open(lensId: string): void;
  back(): void;
}

/**
 * A trail of entities that starts at `first` (the card's entity, which it
 * never goes back past) or, for null, at nothing shown (the panel's overview).
 * A new `first` starts it again.
 */
export function useTrail(first: string | null): Trail {
  const [trail, setTrail] = useState<string[]>(first === null ? [] : [first]);
  useEffect(() => setTrail(first === null ? [] : [first]), [first]);
  const floor = first === null ? 0 : 1;
  // Functional updates: two quick steps (Escape, Escape) must each take one, not both the same.
  const open = useCallback((lensId: string) => setTrail((shown) => [...shown, lensId]), []);
  const back = useCallback(() => setTrail((shown) => shown.slice(0, Math.max(floor, shown.length - 1))), [floor]);
  return { shown: trail[trail.length - 1], previous: trail[trail.length - 2], open, back };
}
