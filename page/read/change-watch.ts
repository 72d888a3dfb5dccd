import { logFailure } from '../../platform/log-failure';
import { sleep } from './time-slices';

/** What we watch: text, nodes, and the attributes that hide text or make it editable. */
const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'contenteditable'],
};

/** Past this many mutation records in a second, the page's changes are a storm. */
const STORM_RECORDS_PER_SECOND = 1000;
/** While a storm lasts, we look this often… */
const STORM_LOOK_EVERY_MS = 500;
/** …for this long: a page that changes every frame changes within one look. */
const STORM_LOOK_MS = 20;
/** A look that sees fewer records than this means the storm has calmed: half the storm rate. */
const CALM_RECORDS_PER_LOOK = ((STORM_RECORDS_PER_SECOND / 2) * STORM_LOOK_MS) / 1000;

/**
 * A document's changes, from a MutationObserver on it and its open shadow
 * roots. Every record costs the page: the browser makes it and hands it to
 * us, and we plan from it. So while a storm lasts (a counter rewritten
 * thousands of times a second), the watch looks only now and then, for a
 * moment: what changes during a look is read again, and the rest waits.
 * When a look finds the page calm, the watch is whole again and `onCalm`
 * asks for the page to be read again, since changes elsewhere went unseen.
 */
export class ChangeWatch {
  private readonly observer: MutationObserver;
  private readonly roots: Node[] = [];
  private storm = false;
  private countedSince = 0;
  private counted = 0;
  private seenInLook = 0;

  constructor(
    private readonly onRecords: (records: MutationRecord[]) => void,
    private readonly onCalm: () => void,
    private readonly signal: AbortSignal,
  ) {
    this.observer = new MutationObserver((records) => this.received(records));
  }

  /** Watches a root (the document, or an open shadow root met while reading) from now on. */
  observe(root: Node): void {
    this.roots.push(root);
    if (!this.storm) this.observer.observe(root, OBSERVED);
  }

  disconnect(): void {
    this.observer.disconnect();
  }

  private received(records: MutationRecord[]): void {
    this.onRecords(records);
    if (this.storm) {
      this.seenInLook += records.length;
      return;
    }
    const now = performance.now();
    if (now - this.countedSince > 1000) {
      this.countedSince = now;
      this.counted = 0;
    }
    this.counted += records.length;
    if (this.counted > STORM_RECORDS_PER_SECOND) logFailure(this.rideOut(), 'ride out a storm of changes');
  }

  /** Looks now and then until a look finds the page calm, then watches whole again. */
  private async rideOut(): Promise<void> {
    this.storm = true;
    this.observer.disconnect();
    while (!this.signal.aborted) {
      await sleep(STORM_LOOK_EVERY_MS);
      if (this.signal.aborted) return;
      this.seenInLook = 0;
      this.connect();
      await sleep(STORM_LOOK_MS);
      const rest = this.observer.takeRecords();
      this.observer.disconnect();
      if (this.signal.aborted) return;
      if (rest.length > 0) this.onRecords(rest);
      if (this.seenInLook + rest.length < CALM_RECORDS_PER_LOOK) break;
    }
    if (this.signal.aborted) return;
    this.storm = false;
    this.countedSince = performance.now();
    this.counted = 0;
    this.connect();
    this.onCalm();
  }

  private connect(): void {
    for (const root of this.roots) this.observer.observe(root, OBSERVED);
  }
}
