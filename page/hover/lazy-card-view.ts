import type { Anchor, Announcement, CardContent, CardView, PrivatePaint } from './card-view';

/**
 * A CardView whose code loads on first use. Most pages are read without a
 * single hover, so they never pay for the card; the first hover starts the
 * load (`prepare`) while its show delay runs. A hide or a newer show that
 * comes while the code loads wins over the show that was waiting for it.
 */
export class LazyCardView implements CardView {
  private view: CardView | null = null;
  private loading: Promise<CardView | null> | null = null;
  private generation = 0;
  private disposed = false;

  constructor(
    private readonly load: () => Promise<CardView>,
    private readonly onLoadFailed: (error: unknown) => void,
  ) {}

  get hostElement(): HTMLElement | null {
    return this.view?.hostElement ?? null;
  }

  get hasFocus(): boolean {
    return this.view?.hasFocus ?? false;
  }

  async show(content: CardContent, anchor: Anchor): Promise<void> {
    const generation = ++this.generation;
    const view = await this.loaded();
    if (view !== null && generation === this.generation) await view.show(content, anchor);
  }

  async prepare(content: CardContent): Promise<void> {
    const generation = this.generation;
    const view = await this.loaded();
    if (view !== null && generation === this.generation) await view.prepare(content);
  }

  async update(content: CardContent): Promise<void> {
    await this.view?.update(content);
  }

  hide(): void {
    this.generation++;
    this.view?.hide();
  }

  focus(): void {
    this.view?.focus();
  }

  async announce(announcement: Announcement): Promise<void> {
    await (await this.loaded())?.announce(announcement);
  }

  async privatePaint(onPainted: (startedAt: number, boxes: number) => void): Promise<PrivatePaint | null> {
    return (await (await this.loaded())?.privatePaint(onPainted)) ?? null;
  }

  dispose(): void {
    this.disposed = true;
    this.hide();
    this.view?.dispose();
  }

  /** The loaded view; null, once and for all, when the code could not load or the page is done with us. */
  private loaded(): Promise<CardView | null> {
    this.loading ??= this.load().then(
      (view) => {
        if (this.disposed) {
          view.dispose();
          return null;
        }
        this.view = view;
        return view;
      },
      (error: unknown) => {
        // Reported once: every later hover would only fail the same way (the extension was updated or removed).
        this.onLoadFailed(error);
        return null;
      },
    );
    return this.loading;
  }
}
