/** What the hover does with each of the reader's events; each is optional. */
export type ReaderInputHandlers = {
  [K in
    | 'pointermove'
    | 'pointerout'
    | 'pointerdown'
    | 'pointerup'
    | 'pointercancel'
    | 'keydown'
    | 'scroll'
    | 'focusin'
    | 'focusout']?: (event: WindowEventMap[K]) => void;
};

/**
 * Hears the reader's input on the whole window, before the page's own
 * listeners (capture), without delaying its scrolling (passive). Only the
 * reader's own input counts: events a page script makes up (dispatchEvent)
 * never open, pin or dismiss a card. `click` alone is not passive, so a tap's
 * card can hold back the link it was opened in. Ends when `signal` aborts.
 */
export function listenToReader(
  handlers: ReaderInputHandlers,
  onClick: (event: MouseEvent) => void,
  signal: AbortSignal,
): void {
  for (const [type, handler] of Object.entries(handlers) as [string, (event: Event) => void][]) {
    window.addEventListener(type, (event) => event.isTrusted && handler(event), {
      capture: true,
      passive: true,
      signal,
    });
  }
  window.addEventListener('click', onClick, { capture: true, signal });
}
