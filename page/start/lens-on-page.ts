import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileMatcherInSteps } from '../../engine/matcher/matcher';
import { withPrivateNames } from '../../engine/matcher/name-finder';
import type { Direction, MentionCounts } from '../../engine/messages';
import {
  firstStage,
  type LensNames,
  mergePackNamesInSteps,
  type PackNames,
  type PageEntity,
} from '../../engine/packs/lens-entities';
import { DEFAULT_SETTINGS, type LanguageChoice, type Settings, shownKinds } from '../../engine/settings/settings';
import { isEnabledFor, siteKey, siteOf } from '../../engine/settings/site-rules';
import { logFailure, warnFailure } from '../../platform/log-failure';
import type { CompiledNames, MatcherCache } from '../../platform/storage/first-matcher-cache';
import { type HighlightScheme, KIND_SCHEME, storyScheme } from '../highlight/highlight-renderer';
import { loadCardView } from '../hover/card-module-loader';
import type { CardView, PrivatePaint } from '../hover/card-view';
import { LazyCardView } from '../hover/lazy-card-view';
import { MentionHover } from '../hover/mention-hover';
import { loadPageMap, type PageMapFeed } from '../map/page-map-module';
import { MEASURE } from '../measure-names';
import { measureWork, oneSlice, runInSlices } from '../read/time-slices';
import { type Finding, type Marking, PageHighlighter } from './page-highlighter';

type MarkChoice = Omit<Marking, 'entities' | 'privateEntities'>;

/** The same choices give the same key. */
const markKey = ({ kinds, density, commonNamesEverywhere }: MarkChoice) =>
  `${[...kinds].sort().join(',')}|${density}|${commonNamesEverywhere}`;

/** Each entity in the highlight of its first story's swatch. */
function storySchemeOf(stories: LensNames['stories'], entities: readonly PageEntity[]): HighlightScheme {
  const swatchOf = new Map(stories.map((story) => [story.id, story.swatch]));
  return storyScheme(
    new Map(entities.map((entity) => [entity.id, swatchOf.get(entity.stories[0]?.packId ?? '') ?? 0])),
  );
}

/** What the card tells of: the entities of both kinds of story, one entry per id with every story of it. */
function joinEntities(open: readonly PageEntity[], hidden: readonly PageEntity[]): readonly PageEntity[] {
  if (hidden.length === 0) return open;
  const byId = new Map(open.map((entity) => [entity.id, entity]));
  for (const entity of hidden) {
    const known = byId.get(entity.id);
    byId.set(
      entity.id,
      known === undefined
        ? entity
        : {
            ...known,
            stories: [...known.stories, ...entity.stories],
            identifies: [...known.identifies, ...entity.identifies],
          },
    );
  }
  return [...byId.values()];
}

/** Reads once, however many ask. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let reading: Promise<T> | null = null;
  return () => {
    reading ??= read();
    return reading;
  };
}

/**
 * Merges the stories' names and compiles them into one matcher, in steps.
 * Every kind is compiled, the kinds the reader switched off too: their
 * actors still open their stories, and switching a kind is no recompile.
 */
function* compileSteps(packs: readonly PackNames[]): Generator<void, CompiledNames> {
  const { entities } = yield* mergePackNamesInSteps(packs);
  const matcher = yield* compileMatcherInSteps(entities);
  // The names are in the matcher now: keep what the card needs, and let the strings go.
  return {
    matcher,
    entities: entities.map(({ id, kind, name, stories, identifies }) => ({ id, kind, name, stories, identifies })),
  };
}

/** A panel's connection to the page map: the port's ends that the map uses. */
export interface MapPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface LensOptions {
  /** The frame's document, which the lens highlights. */
  doc: Document;
  /** The names the settings switch on, from the pack store. */
  names(settings: Settings): Promise<LensNames>;
  /** The names a page's first highlights were found with, compiled, kept from an earlier page. */
  compiled: MatcherCache;
  /** The page the site rules judge: the tab's top page, seen from this frame. */
  pageUrl: string;
  /** This frame says aloud when the site is switched on or off: the top frame does, for the page. */
  speaksForPage: boolean;
  onCountsChanged(counts: MentionCounts, unmarked: MentionCounts): void;
}

/**
 * Context Lens on one document, as the reader's settings want it: on or off
 * for the site, the kinds they chose, their hover delay. Settings may change
 * at any time; each change is applied in order, and only what changed is redone.
 */
export class LensOnPage {
  private readonly layer: CardView;
  private readonly hover: MentionHover;
  private highlighter: PageHighlighter | null = null;
  /** The stories the current highlighter's matcher was compiled for, and their tints. */
  private compiledFor = '';
  /** The entities the current matcher finds, which the card tells of. */
  private entities: readonly PageEntity[] = [];
  /** Where private stories' mentions are painted, once one was switched on. */
  private paint: PrivatePaint | null = null;
  /** What the page is highlighted with now; its marking changes without compiling anything. */
  private finding: Finding | null = null;
  /** The reader's choices of which mentions are marked, as last applied. */
  private markChoice: MarkChoice = {
    kinds: shownKinds(DEFAULT_SETTINGS),
    density: DEFAULT_SETTINGS.density,
    commonNamesEverywhere: DEFAULT_SETTINGS.commonNamesEverywhere,
  };
  /** What the panel asked of this page, kept for a highlighter that does not exist yet. */
  private readonly asked = { stories: new Set<string>(), unmarked: false };
  private booted = false;
  /** Whether the site was on at the last settings applied; null before the first. */
  private siteOn: boolean | null = null;
  /** The reader's language for the card, as the settings last applied say. */
  private language: LanguageChoice = DEFAULT_SETTINGS.language;
  /** The page maps of the panels open beside this page. */
  private readonly maps = new Set<PageMapFeed>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: LensOptions,
  ) {
    this.layer = new LazyCardView(
      () =>
        loadCardView(
          ctx,
          () => this.entities,
          () => this.language,
        ),
      (error) => warnFailure('load its card', error),
    );
    this.hover = new MentionHover({
      layer: this.layer,
      showDelayMs: DEFAULT_SETTINGS.hoverDelayMs,
      mentions: {
        mentionsAt: (node, offset) => this.highlighter?.mentionsAt(node, offset) ?? [],
        has: (mention) => this.highlighter?.has(mention) ?? false,
        mentions: () => this.highlighter?.shownMentions() ?? [],
        privatePaint: () => this.paint,
      },
    });
  }

  /** Applies settings after any earlier ones have been applied. */
  apply(settings: Settings): Promise<void> {
    this.queue = this.queue.then(() => this.applyNow(settings));
    return this.queue;
  }

  /** Whether some of the page was left unread: it is larger than a scan may read. */
  get partial(): boolean {
    return this.highlighter?.partial ?? false;
  }

  step(direction: Direction): void {
    this.hover.step(direction);
  }

  showEntity(lensId: string): void {
    this.hover.showEntity(lensId);
  }

  /** Marks a story's common names on this page, as the reader asked from the panel, now or once highlighting starts. */
  openStory(packId: string): void {
    this.asked.stories.add(packId);
    this.highlighter?.openStory(packId);
  }

  /** Counts the common names this page left unmarked, even where it only surveyed its text: a panel lists them. */
  listUnmarked(): void {
    this.asked.unmarked = true;
    this.highlighter?.listUnmarked();
  }

  /** Serves a panel's page map until the panel goes away; its code loads on the first. */
  followMap(port: MapPort): void {
    let gone = false;
    let map: PageMapFeed | null = null;
    port.onDisconnect.addListener(() => {
      gone = true;
      if (map === null) return;
      map.dispose();
      this.maps.delete(map);
    });
    port.onMessage.addListener((message) => map?.receive(message));
    loadPageMap().then(
      ({ createPageMap }) => {
        if (gone || this.ctx.isInvalid) return;
        map = createPageMap(
          {
            mentions: () => this.highlighter?.shownMentions() ?? [],
            has: (mention) => this.highlighter?.has(mention) ?? false,
            show: (mention) => this.hover.showMention(mention),
          },
          (message) => port.postMessage(message),
        );
        this.maps.add(map);
      },
      (error: unknown) => {
        // A panel that left (Firefox's sidebar follows the active tab) awaits no map: its import may fail as it goes.
        if (!gone && !this.ctx.isInvalid) warnFailure('map this page', error);
      },
    );
  }

  dispose(): void {
    for (const map of this.maps) map.dispose();
    this.maps.clear();
    this.highlighter?.stop();
    this.highlighter = null;
    this.hover.dispose();
  }

  private async applyNow(settings: Settings): Promise<void> {
    if (this.ctx.isInvalid) return;
    this.hover.setShowDelay(settings.hoverDelayMs);
    this.language = settings.language;
    const on = isEnabledFor(this.options.pageUrl, settings);
    if (this.options.speaksForPage && this.siteOn !== null && on !== this.siteOn) {
      const site = siteOf(this.options.pageUrl);
      const said = this.layer.announce({ type: 'site', on, site: site === null ? null : siteKey(site) });
      logFailure(said, 'say the site was switched');
    }
    this.siteOn = on;
    if (!on) {
      this.hover.stop();
      this.highlighter?.stop();
      // Said even when nothing was highlighted: the panel and badge learn the page is here, and paused.
      this.options.onCountsChanged({}, {});
      return;
    }
    const choice = {
      kinds: shownKinds(settings),
      density: settings.density,
      commonNamesEverywhere: settings.commonNamesEverywhere,
    };
    const remark = markKey(choice) !== markKey(this.markChoice);
    this.markChoice = choice;
    const names = await this.options.names(settings);
    if (this.ctx.isInvalid) return;
    const byStory = settings.highlightBy === 'story';
    const swatches = byStory ? names.stories.map((story) => story.swatch) : [];
    const key = `${names.key}|${swatches.join(',')}`;
    if (this.highlighter === null || key !== this.compiledFor) {
      // Without a place to paint them unseen, private stories go unhighlighted and the others go on.
      if (names.stories.some((story) => story.private)) await this.privatePaint();
      if (this.ctx.isInvalid) return;
      // With highlights up already, they stay until every story's replace them: no stage between.
      const first = this.highlighter?.running ? null : firstStage(names);
      if (first !== null && !(await this.highlightWith(first, names.readShipped, names.stories, byStory))) {
        return;
      }
      const all = names.stories.map((story) => story.id);
      if (!(await this.highlightWith(all, names.readAll, names.stories, byStory))) return;
      this.compiledFor = key;
    } else if (remark && this.finding !== null) {
      const finding = { ...this.finding, marking: { ...this.finding.marking, ...this.markChoice } };
      this.finding = finding;
      if (!(await this.highlighter.replace(finding, () => undefined))) return;
    }
    this.hover.start();
    await this.highlighter?.start();
  }

  /**
   * The matcher for the stories `ids`, and the entities it
   * finds. The one for a page's first highlights is restored when an earlier
   * page kept it, without waiting for the stories' names; otherwise `read`
   * gives them, and they are compiled (and kept, for a page's first
   * highlights). Null when the page went away first.
   */
  private async compile(
    ids: readonly string[],
    read: () => Promise<PackNames[]>,
    stories: LensNames['stories'],
  ): Promise<CompiledNames | null> {
    const booting = !this.booted;
    this.booted = true;
    const version = new Map(stories.map((story) => [story.id, story.version]));
    const keyOf = (of: readonly string[]) => of.map((id) => `${id}@${version.get(id)}`).join(',');
    const key = keyOf(ids);
    const kept = booting ? await this.options.compiled.take(key) : null;
    if (this.ctx.isInvalid) return null;
    if (kept !== null) {
      const started = performance.now();
      const restored = kept.restore();
      if (restored !== null) {
        measureWork(MEASURE.boot, oneSlice(started), { restored: true });
        return restored;
      }
    }
    const packs = await read();
    if (this.ctx.isInvalid) return null;
    const compiled = await runInSlices(compileSteps(packs), this.ctx.signal);
    if (compiled === null) return null;
    measureWork(booting ? MEASURE.boot : MEASURE.compile, compiled.stats, { restored: false });
    // Kept only whole: a story whose names could not be read must not be missing from what later pages restore.
    if (booting && keyOf(packs.map((names) => names.packId)) === key)
      this.options.compiled.remember(key, compiled.value);
    return compiled.value;
  }

  /**
   * The private stories' matcher, compiled in slices on every page: it is
   * never kept for the next page as the others' is. Null when no private
   * story is switched on, or none can be painted unseen; undefined when the
   * page went away first.
   */
  private async compilePrivate(
    read: (() => Promise<PackNames[]>) | null,
  ): Promise<{ names: CompiledNames; paint: PrivatePaint } | null | undefined> {
    const paint = this.paint;
    if (read === null || paint === null) return null;
    const packs = await read();
    if (this.ctx.isInvalid) return undefined;
    const compiled = await runInSlices(compileSteps(packs), this.ctx.signal);
    if (compiled === null) return undefined;
    measureWork(MEASURE.compile, compiled.stats, { restored: false, private: true });
    return { names: compiled.value, paint };
  }

  /**
   * Where private stories' mentions are painted: a layer in our closed
   * shadow root, made when the settings first switch a private story on, so
   * that our host appears whatever the page names. Null when our UI cannot
   * load; the private stories then go unhighlighted, never into the page's
   * registry.
   */
  private async privatePaint(): Promise<PrivatePaint | null> {
    if (this.paint !== null) return this.paint;
    const paint = await this.layer.privatePaint((startedAt, boxes) =>
      measureWork(MEASURE.privatePaint, oneSlice(startedAt), { boxes }),
    );
    if (paint === null || this.ctx.isInvalid) return null;
    this.paint = paint;
    return paint;
  }

  /**
   * Compiles (or restores) a matcher for the stories, in slices,
   * and highlights with it. Highlights already on the page stay until a
   * replacement read with the new names is done, then give way in one task,
   * the card's entities switching in the same task. False when the
   * page went away, or newer settings took over, first.
   */
  private async highlightWith(
    ids: readonly string[],
    read: () => Promise<PackNames[]>,
    stories: LensNames['stories'],
    byStory: boolean,
  ): Promise<boolean> {
    const isPrivate = new Set(stories.filter((story) => story.private).map((story) => story.id));
    const readOnce = once(read);
    const readOf = (hidden: boolean) => async () =>
      (await readOnce()).filter((names) => isPrivate.has(names.packId) === hidden);
    const compiled = await this.compile(
      ids.filter((id) => !isPrivate.has(id)),
      readOf(false),
      stories,
    );
    if (compiled === null) return false;
    const hidden = await this.compilePrivate(ids.some((id) => isPrivate.has(id)) ? readOf(true) : null);
    if (hidden === undefined) return false;
    const finding: Finding = {
      matcher: hidden === null ? compiled.matcher : withPrivateNames(compiled.matcher, hidden.names.matcher),
      scheme: byStory ? storySchemeOf(stories, compiled.entities) : KIND_SCHEME,
      marking: { entities: compiled.entities, privateEntities: hidden?.names.entities ?? [], ...this.markChoice },
      hidden:
        hidden === null
          ? null
          : {
              scheme: byStory ? storySchemeOf(stories, hidden.names.entities) : KIND_SCHEME,
              registry: hidden.paint,
            },
    };
    const entities = joinEntities(compiled.entities, hidden?.names.entities ?? []);
    this.finding = finding;
    const shown = () => {
      this.entities = entities;
    };
    if (this.highlighter === null) {
      this.highlighter = new PageHighlighter(this.options.doc, {
        ...finding,
        ownHost: () => this.layer.hostElement,
        onCountsChanged: this.options.onCountsChanged,
        onMentionsChanged: () => {
          this.hover.mentionsChanged();
          for (const map of this.maps) map.mentionsChanged();
        },
      });
      for (const packId of this.asked.stories) this.highlighter.openStory(packId);
      if (this.asked.unmarked) this.highlighter.listUnmarked();
      shown();
    } else if (!(await this.highlighter.replace(finding, shown))) {
      return false;
    }
    this.hover.start();
    await this.highlighter.start();
    return true;
  }
}
