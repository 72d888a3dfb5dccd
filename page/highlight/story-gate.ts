/**
 * Which mentions a page marks, story by story. A story's own actors (its
 * firms, its people) are always marked. Its common names (a country, a
 * capital, an agency) are marked only once the story is open on the page:
 * one of its own actors was shown there, the reader opened it from the
 * panel, or the reader marks common names everywhere. A story never closes
 * again while the page is read, so nothing that was marked goes out. Kinds
 * the reader switched off are never marked, but their actors still open
 * their stories: what is shown on the page decides, not what is marked.
 */
import type { EntityKind } from '../../data/schema';
import type { PageEntity } from '../../engine/packs/lens-entities';
import type { GateMention, MarkGate, PageMention } from './mention-store';

/** What the gate knows of an entity: the stories it acts in and those it is a common name of, and whether its kind is shown. */
interface EntityRoles {
  actorIn: readonly string[];
  commonIn: readonly string[];
  kindShown: boolean;
}

export interface GateChoices {
  /** The kinds the reader highlights. */
  kinds: ReadonlySet<EntityKind>;
  /** Mark common names on every page, as the reader may choose. */
  everywhere: boolean;
}

export class StoryGate {
  private readonly roles = new Map<string, EntityRoles>();

  constructor(
    entities: readonly PageEntity[],
    /** The stories open on this page, shared by every read of it, so a new read opens nothing twice. */
    private readonly opened: Set<string>,
    private readonly choices: GateChoices,
  ) {
    for (const { id, kind, stories, identifies } of entities) {
      const commonIn = stories.map((story) => story.packId).filter((packId) => !identifies.includes(packId));
      this.roles.set(id, { actorIn: identifies, commonIn, kindShown: choices.kinds.has(kind) });
    }
  }

  /** Whether mentions of an entity are marked now. */
  admits(lensId: string): boolean {
    const roles = this.roles.get(lensId);
    if (roles === undefined) return true;
    if (!roles.kindShown) return false;
    if (roles.actorIn.length > 0 || this.choices.everywhere) return true;
    return roles.commonIn.some((packId) => this.opened.has(packId));
  }

  /** Whether an entity is a common name the reader would see marked once its story opens: a panel lists it meanwhile. */
  isCommonName(lensId: string): boolean {
    const roles = this.roles.get(lensId);
    return roles?.kindShown === true && roles.actorIn.length === 0;
  }

  /** Whether a name of the entity matters to the page: marked now, or an actor that may open its story. */
  matters(lensId: string): boolean {
    return this.admits(lensId) || (this.roles.get(lensId)?.actorIn.length ?? 0) > 0;
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
}

/**
 * The stories' gate and the private stories' side by side: a mention is
 * judged by the gate of the stories that found it, so a private story that
 * opens never marks a public story's common name in the page's registry.
 */
export class PartedGate implements MarkGate {
  constructor(
    private readonly open: StoryGate,
    private readonly hidden: StoryGate | null,
  ) {}

  private gateOf(mention: GateMention): StoryGate | null {
    return mention.private ? this.hidden : this.open;
  }

  admits(mention: GateMention): boolean {
    return this.gateOf(mention)?.admits(mention.lensId) ?? false;
  }

  isCommonName(mention: GateMention): boolean {
    return this.gateOf(mention)?.isCommonName(mention.lensId) ?? false;
  }

  /** Whether a name of the entity matters to either part: the page is read for it. */
  matters(lensId: string): boolean {
    return this.open.matters(lensId) || (this.hidden?.matters(lensId) ?? false);
  }

  /** Whether either part marks the entity now. */
  admitsEither(lensId: string): boolean {
    return this.open.admits(lensId) || (this.hidden?.admits(lensId) ?? false);
  }

  openBy(mentions: Iterable<PageMention>, isShown: (mention: PageMention) => boolean): boolean {
    // Asked after every pass: a page without a private story hands its mentions on uncopied.
    if (this.hidden === null) return this.open.openBy(mentions, isShown);
    const found = [...mentions];
    const opened = this.open.openBy(
      found.filter((mention) => !mention.private),
      isShown,
    );
    return (
      this.hidden.openBy(
        found.filter((mention) => mention.private),
        isShown,
      ) || opened
    );
  }
}
