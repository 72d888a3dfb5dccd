/**
 * The shape of a story pack: one news story told as entities, names, facts and
 * relations. Packs are plain JSON so that new stories can be added (or loaded
 * by a reader) without touching code; `engine/story-pack.ts` checks an unknown
 * value against these types before anything uses it.
 */

export const STORY_PACK_SCHEMA_VERSION = 1;

export type EntityKind = 'firm' | 'city' | 'official' | 'person' | 'institution';

export const ENTITY_KINDS: readonly EntityKind[] = ['firm', 'city', 'official', 'person', 'institution'];

/** Crackdown and reconciliation are the story's two phases; background is context for both. */
export type PhaseId = 'crackdown' | 'reconciliation' | 'background';

export const PHASE_IDS: readonly PhaseId[] = ['crackdown', 'reconciliation', 'background'];

/** `standfirst` or `P1`…`Pn`, as numbered in the source text. */
type ParagraphId = string;

/** A sentence the article supports, with the paragraph that says it. */
interface CitedStatement {
  text: string;
  paragraph: ParagraphId;
}

/**
 * A sentence the article does not say: general knowledge a reader may need.
 * The reader always sees it marked as background, never as the story's word.
 */
interface BackgroundStatement {
  text: string;
  background: true;
}

/** Every sentence a card or the panel shows is one of these: cited, or marked as background. */
export type Statement = CitedStatement | BackgroundStatement;

export interface SourceArticle {
  /** The source's own headline, quoted once as its title. */
  headline: string;
  /** A date only where the source gives one; otherwise the literal "undated". */
  published: string;
  /** The story in brief, in the pack's own words, sentence by sentence. */
  summary: Statement[];
  /** The paragraphs facts may cite, in reading order. */
  paragraphs: ParagraphRef[];
}

export interface ParagraphRef {
  id: ParagraphId;
  /** Short label for citations, e.g. "¶5" or "Standfirst". */
  label: string;
}

export interface Phase {
  id: PhaseId;
  label: string;
  /** When the phase runs, in words ("From 2020", "Now"). */
  period: string;
  description: Statement;
}

interface KeyFigure {
  id: string;
  value: string;
  meaning: string;
  paragraph: ParagraphId;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  /** Display name. */
  name: string;
  /** The name in Chinese characters, where the entity has one. */
  nativeName?: string;
  /** Who or what it is, in the pack's own words, sentence by sentence. */
  description: Statement[];
  /**
   * Every name that identifies the entity on its own, the display name
   * included: spellings, Chinese names (in Simplified script: the Traditional
   * forms are generated), acronyms. All-capital names (acronyms) only ever
   * match in capitals.
   */
  names: string[];
  /**
   * Short forms ("Ma", "JD") that are ambiguous alone and count as a mention
   * only after one of `opensLaterMentions` has occurred earlier in the same page.
   */
  laterMentions: string[];
  /** The primary full names, among `names`, after which `laterMentions` count ("Jack Ma", not "马云"). */
  opensLaterMentions: string[];
  /**
   * Longer phrases that contain one of the names but mean something else
   * (京东方 is a display maker, not 京东). They shield their text from matching.
   */
  notNames: string[];
  /**
   * Text that, written directly before one of the names, makes it another
   * body: 省 before 发改委 is a provincial commission, not the national one.
   */
  notAfter: string[];
}

export interface Fact {
  id: string;
  phase: PhaseId;
  text: string;
  /** Entities the fact is about; may be empty for story-wide facts. */
  entities: string[];
  paragraph: ParagraphId;
}

export type RelationType =
  | 'based-in'
  | 'founded'
  | 'party-chief-of'
  | 'official-of'
  | 'deal-with'
  | 'met'
  | 'praised'
  | 'criticised'
  | 'cracked-down-on';

interface Relation {
  from: string;
  type: RelationType;
  to: string;
  paragraph: ParagraphId;
}

/** How a relation reads from either end, for the card's "related" list. */
export const RELATION_WORDING: Record<RelationType, { forward: string; reverse: string }> = {
  'based-in': { forward: 'Based in', reverse: 'Home to' },
  founded: { forward: 'Founded', reverse: 'Founded by' },
  'party-chief-of': { forward: 'Party chief of', reverse: 'Party chief' },
  'official-of': { forward: 'Official of', reverse: 'Official' },
  'deal-with': { forward: 'Deal with', reverse: 'Deal with' },
  met: { forward: 'Met', reverse: 'Met' },
  praised: { forward: 'Praised', reverse: 'Praised by' },
  criticised: { forward: 'Criticised', reverse: 'Criticised by' },
  'cracked-down-on': { forward: 'Cracked down on', reverse: 'Cracked down on by' },
};

export const RELATION_TYPES = Object.keys(RELATION_WORDING) as RelationType[];

/** The story told in brief: for each phase, in order, the facts that carry it. */
interface ArcPhase {
  phase: PhaseId;
  facts: string[];
}

export interface StoryPack {
  schemaVersion: typeof STORY_PACK_SCHEMA_VERSION;
  id: string;
  title: string;
  source: SourceArticle;
  phases: Phase[];
  keyFigures: KeyFigure[];
  entities: Entity[];
  facts: Fact[];
  relations: Relation[];
  arc: ArcPhase[];
}
