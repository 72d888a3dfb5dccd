import type { HighlightRenderer } from './highlight-renderer';
import type { MentionPainter, PageMention } from './mention-store';

/**
 * The stories' renderer, on the page's registry, and the private stories',
 * on our own: each mention goes to the one of the stories that found it.
 */
export class PartedRenderer implements MentionPainter {
  constructor(
    private readonly open: HighlightRenderer,
    private readonly hidden: HighlightRenderer | null,
  ) {}

  register(): void {
    this.open.register();
    this.hidden?.register();
  }

  add(mention: PageMention): void {
    this.rendererOf(mention)?.add(mention);
  }

  remove(mention: PageMention): void {
    this.rendererOf(mention)?.remove(mention);
  }

  dispose(): void {
    this.open.dispose();
    this.hidden?.dispose();
  }

  private rendererOf(mention: PageMention): HighlightRenderer | null {
    return mention.private ? this.hidden : this.open;
  }
}
