/**
 * Where focus was before a keyboard step moved it into the card: it goes back
 * there when the card closes, not to the top of the page.
 */
export class FocusReturn {
  private back: HTMLElement | null = null;

  /** Focus is about to move into the card: remember where it is now. */
  remember(): void {
    this.back = deepActiveElement();
  }

  /** The card closed; if focus was in it, it goes back where it came from. */
  restore(hadFocus: boolean): void {
    const back = this.back;
    this.back = null;
    if (hadFocus && back?.isConnected) back.focus({ preventScroll: true });
  }
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
