/**
 * When a hover card opens and closes, as a small state machine over pointer
 * reports. It knows nothing of the DOM: the page side tells it what the pointer
 * rests on, and it answers through `open` and `close` after the right delays.
 * A name the pointer merely passes over never opens a card, and a pointer on
 * its way from the name to the card never closes it.
 */

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface HoverIntentOptions<T> {
  /** How long the pointer must rest on a target before its card opens. */
  showDelayMs: number;
  /** How long the card waits after the pointer left it, or its target, before closing. */
  graceMs: number;
  open(target: T): void;
  close(): void;
  timers?: Timers;
}

export const DEFAULT_GRACE_MS = 300;

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class HoverIntent<T> {
  private shown: T | null = null;
  private pointerTarget: T | null = null;
  private onCard = false;
  /** Set while the reader works inside the card (focus, a press): hover no longer closes or replaces it. */
  private pinned = false;
  /** A target closed by Escape or a click stays closed until the pointer leaves it. */
  private dismissed: T | null = null;
  private showTimer: unknown = null;
  private hideTimer: unknown = null;
  private readonly timers: Timers;
  private showDelayMs: number;

  constructor(private readonly options: HoverIntentOptions<T>) {
    this.timers = options.timers ?? realTimers;
    this.showDelayMs = options.showDelayMs;
  }

  get current(): T | null {
    return this.shown;
  }

  /** The reader changed the delay in settings; it applies from the next rest. */
  setShowDelay(ms: number): void {
    this.showDelayMs = ms;
  }

  /** The target under the pointer (null for none), reported at most once per frame. */
  pointerAt(target: T | null): void {
    if (target !== this.dismissed) this.dismissed = null;
    if (target === this.pointerTarget) return;
    this.pointerTarget = target;
    if (this.pinned) return;
    this.cancelShow();
    if (target !== null && target !== this.dismissed && target !== this.shown) {
      this.showTimer = this.timers.set(() => {
        this.showTimer = null;
        this.show(target);
      }, this.showDelayMs);
    }
    this.updateHide();
  }

  /** Whether the pointer is over the card itself. */
  pointerOnCard(on: boolean): void {
    if (on === this.onCard) return;
    this.onCard = on;
    if (on) this.cancelShow();
    this.updateHide();
  }

  /** The reader works inside the card, or stopped doing so. */
  pin(pinned: boolean): void {
    if (pinned === this.pinned) return;
    this.pinned = pinned && this.shown !== null;
    if (this.pinned) this.cancelShow();
    this.updateHide();
  }

  /** Opens a target's card at once: keyboard commands and the card's own navigation. */
  openNow(target: T): void {
    this.cancelShow();
    this.dismissed = null;
    this.show(target);
  }

  /** Escape, a click elsewhere, a scroll: close now, and keep this target closed while the pointer stays. */
  dismiss(): void {
    if (this.shown !== null && this.pointerTarget === this.shown) this.dismissed = this.shown;
    this.cancelShow();
    this.hide();
  }

  /** The target vanished from the page: close without waiting. */
  forget(target: T): void {
    if (this.pointerTarget === target) this.pointerTarget = null;
    if (this.shown === target) this.hide();
  }

  /** The same target, found again under another identity (the page was read anew): the card stays as it is. */
  replace(from: T, to: T): void {
    if (this.shown === from) this.shown = to;
    if (this.pointerTarget === from) this.pointerTarget = to;
    if (this.dismissed === from) this.dismissed = to;
  }

  private show(target: T): void {
    this.cancelHide();
    this.shown = target;
    this.options.open(target);
  }

  private hide(): void {
    this.cancelHide();
    this.pinned = false;
    if (this.shown === null) return;
    this.shown = null;
    this.options.close();
  }

  /** Starts or stops the grace period, from where the pointer is now. */
  private updateHide(): void {
    const keep = this.shown === null || this.pinned || this.onCard || this.pointerTarget === this.shown;
    if (keep) {
      this.cancelHide();
    } else if (this.hideTimer === null) {
      this.hideTimer = this.timers.set(() => {
        this.hideTimer = null;
        this.hide();
      }, this.options.graceMs);
    }
  }

  private cancelShow(): void {
    if (this.showTimer === null) return;
    this.timers.clear(this.showTimer);
    this.showTimer = null;
  }

  private cancelHide(): void {
    if (this.hideTimer === null) return;
    this.timers.clear(this.hideTimer);
    this.hideTimer = null;
  }
}
