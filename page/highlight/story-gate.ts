/**
 * Which mentions a page marks, story by story. A story's own actors (its
 * firms, its people) are always marked. Its common names (a country, a
 * capital, an agency) are marked only once the story is open on the page:
 * one of its own actors was shown there, the reader opened it from the
 * panel, or the reader marks common names everywhere. A story never closes
 * again while the page is read, so nothing that was marked goes out.
 */
import type { PageEntity } from '../../engine/packs/lens-entities';
import type { PageMention } from './mention-store';

/** What the gate knows of an entity: the stories it acts in, and those it is only a common name of. */
interface EntityRoles {
  actorIn: readonly string[];
  commonIn: readonly string[];
}

export class StoryGate {
  private readonly roles = new Map<string, EntityRoles>();

  constructor(
    entities: readonly PageEntity[],
    /** The stories open on this page, shared by every read of it, so a new read opens nothing twice. */
    private readonly opened: Set<string>,
    private readonly everywhere: boolean,
  ) {
    for (const { id, stories, identifies } of entities) {
      const commonIn = stories.map((story) => story.packId).filter((packId) => !identifies.includes(packId));
      this.roles.set(id, { actorIn: identifies, commonIn });
    }
  }

  /** Whether mentions of an entity are marked now. */
  admits(lensId: string): boolean {
    const roles = this.roles.get(lensId);
    if (roles === undefined || roles.actorIn.length > 0 || this.everywhere) return true;
    return roles.commonIn.some((packId) => this.opened.has(packId));
  }

  /** The stories an entity is a common name of: a panel lists it under them while unmarked. */
  commonIn(lensId: string): readonly string[] {
    return this.roles.get(lensId)?.commonIn ?? [];
  }

  /**
   * Opens the stories of the actors among `mentions` that `isShown` passes.
   * It is asked only of an actor with a story still closed, so a page whose
   * stories are open asks nothing. True when one opened.
   */
  openBy(mentions: Iterable<PageMention>, isShown: (mention: PageMention) => boolean): boolean {
    let opened = false;
    for (const mention of mentions) {
      const actorIn = this.roles.get(mention.lensId)?.actorIn ?? [];
      if (actorIn.every((packId) => this.opened.has(packId)) || !isShown(mention)) continue;
      for (const packId of actorIn) this.opened.add(packId);
      opened = true;
    }
    return opened;
  }

  /** Opens one story, as the reader asked; true when it was closed. */
  open(packId: string): boolean {
    if (this.opened.has(packId)) return false;
    this.opened.add(packId);
    return true;
  }
}
