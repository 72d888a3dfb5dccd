/**
 * The shape of a story pack: one news story told as entities, names, facts and
 * relations. Packs are plain JSON so that new stories can be added (or loaded
 * by a reader) without touching code. `engine/packs/story-pack.ts` checks an unknown
 * value against these types before anything uses it, and
 * `data/story-pack.schema.json` is generated from them (`npm run schema`) so
 * that an editor checks and completes a pack as it is written.
 */

export const STORY_PACK_SCHEMA_VERSION = 2;

/**
 * What an entity is. The set is fixed, because each kind has its own
 * highlight style and its own switch in the settings:
 * - `firm`: a company or group of companies;
 * - `city`: a city or other place smaller than a country;
 * - `country`: a country, or its government acting as a whole;
 * - `official`: a person who holds (or held) public office;
 * - `person`: anyone else: founders, executives, experts;
 * - `institution`: a public body, party, agency, committee or army.
 */
export type EntityKind = 'firm' | 'city' | 'country' | 'official' | 'person' | 'institution';

export const ENTITY_KINDS: readonly EntityKind[] = ['firm', 'city', 'country', 'official', 'person', 'institution'];

/**
 * Whether an entity of each kind identifies its story where the entity does
 * not say (`Entity.identifiesStory`). Firms, people and officials are most
 * often the story's own actors; a country, a city, a national agency or a
 * party is named on countless pages about other things.
 */
export const IDENTIFIES_STORY_BY_KIND: Readonly<Record<EntityKind, boolean>> = {
  firm: true,
  person: true,
  official: true,
  city: false,
  country: false,
  institution: false,
};

/**
 * An id that names one thing within its pack.
 * @pattern ^[a-z0-9][a-z0-9-]{0,63}$
 */
type Id = string;

/**
 * Text a reader sees.
 * @minLength 1
 */
type Text = string;

/**
 * `standfirst` or `P1`…`Pn`: an id from `source.paragraphs`.
 * @pattern ^[A-Za-z0-9][A-Za-z0-9-]{0,63}$
 */
type ParagraphId = string;

/** A sentence the article supports, with the paragraph that says it. */
interface CitedStatement {
  text: Text;
  paragraph: ParagraphId;
}

/**
 * A sentence the article does not say: general knowledge a reader may need.
 * The reader always sees it marked as background, never as the story's word.
 */
interface BackgroundStatement {
  text: Text;
  background: true;
}

/** Every sentence a card or the panel shows is one of these: cited, or marked as background. */
export type Statement = CitedStatement | BackgroundStatement;

/**
 * A day, a month or a year (`2013-07-19`, `2013-07`, `2013`).
 * @pattern ^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$
 */
type PartialDate = string;

/** What a pack says where its source is silent, in a field every pack must fill. */
export const NOT_STATED = 'Not stated';

export interface SourceArticle {
  /** The source's own headline, quoted once as its title. */
  title: Text;
  /** Who published it, or `NOT_STATED` where the source does not say. */
  publisher: Text;
  /** When it was published, or "undated" where the source gives no date. */
  date: PartialDate | 'undated';
  /**
   * Where the article can be read.
   * @format uri
   */
  url?: string;
  /**
   * The story in brief, in the pack's own words, sentence by sentence.
   * @minItems 1
   */
  summary: Statement[];
  /** The paragraphs facts may cite, in reading order. */
  paragraphs: ParagraphRef[];
}

export interface ParagraphRef {
  id: ParagraphId;
  /** Short label for citations, e.g. "¶5" or "Standfirst". */
  label: Text;
  /**
   * Where the paragraph is in the source file, counting from 1: its line in a
   * text file (blank lines aside), its `<p>` in an HTML page (empty ones
   * aside). `pack:check --source` needs it to check citations against the article.
   * @TJS-type integer
   * @minimum 1
   */
  position?: number;
}

/**
 * A colour as six hex digits.
 * @pattern ^#[0-9a-fA-F]{6}$
 */
type Colour = string;

export interface Phase {
  id: Id;
  /** The phase's name: "Crackdown". */
  label: Text;
  /**
   * Where the phase comes in the story; phases are shown in this order.
   * @TJS-type integer
   */
  order: number;
  /** When the phase runs, in words ("From 2020", "Now"). */
  period: Text;
  /** When it starts, where the story dates it. */
  from?: PartialDate;
  /** When it ends, where it has ended. */
  until?: PartialDate;
  /** Marks the phase in cards and in the panel. */
  colour: Colour;
  description: Statement;
}

/** A kind of link between two entities, and how it reads from either end. */
interface RelationType {
  id: Id;
  /** From the first entity's side: "Founded". */
  forward: Text;
  /** From the second entity's side: "Founded by". */
  reverse: Text;
}

interface KeyFigure {
  id: Id;
  /** The figure as the story gives it: "$1.1 trillion". */
  value: Text;
  /** What it measures, in the pack's own words. */
  meaning: Text;
  /** The id of the phase it belongs to: the story's timeline shows it there. */
  phase?: Id;
  paragraph: ParagraphId;
}

/**
 * One of the things an entity's name stands for in the story, where it
 * stands for more than one: Beijing the city, and "Beijing" the central
 * government. A relation says which one it is about (`fromRole`, `toRole`),
 * and cards and pictures say it after the relation's wording.
 */
interface EntityRole {
  id: Id;
  /** Said after a relation's wording: "as the central government". */
  label: Text;
}

/** A name as it is written on pages. */
type Name = Text;

export interface Entity {
  id: Id;
  kind: EntityKind;
  /** Display name. */
  name: Name;
  /** The name in Chinese characters, where the entity has one. */
  nativeName?: Name;
  /**
   * Who or what it is, in the pack's own words, sentence by sentence.
   * @minItems 1
   */
  description: Statement[];
  /**
   * The things its name stands for in the story, where there are several.
   * @minItems 2
   */
  roles?: EntityRole[];
  /**
   * Whether a mention of this entity alone shows that a page is about the
   * story: true for its own actors (its firms, its people, a local official),
   * false for its common names (a country, a capital, a national agency, a
   * ruling party, a national leader). A story's common names are highlighted
   * on a page only once one of its own actors is shown there. Left out, the
   * kind decides (`IDENTIFIES_STORY_BY_KIND`): true for a firm, a person or an
   * official, false for a city, a country or an institution.
   */
  identifiesStory?: boolean;
  /**
   * Every name that identifies the entity on its own, the display name
   * included: spellings, Chinese names (in Simplified script: the Traditional
   * forms are generated), acronyms. All-capital names (acronyms) only ever
   * match in capitals.
   * @minItems 1
   */
  names: Name[];
  /**
   * Short forms ("Ma", "JD") that are ambiguous alone and count as a mention
   * only after one of `opensLaterMentions` has occurred earlier in the same page.
   */
  laterMentions: Name[];
  /** The primary full names, among `names`, after which `laterMentions` count ("Jack Ma", not "马云"). */
  opensLaterMentions: Name[];
  /**
   * Longer phrases that contain one of the names but mean something else
   * (京东方 is a display maker, not 京东). They shield their text from matching.
   */
  notNames: Name[];
  /**
   * Text that, written directly before one of the names, makes it another
   * body: 省 before 发改委 is a provincial commission, not the national one.
   * Joined as `notBefore` is, a space between Latin words ("Bank of").
   */
  notAfter: Name[];
  /**
   * Text that, written directly after one of the names, makes it another
   * thing: 菜 after 快手 is a quick dish, "capitalism" after "Chinese state"
   * an economic system. Joined without a space to a name ending in Han text
   * or punctuation, after a space to one ending in a Latin letter or digit
   * (unless the text starts with punctuation: "-owned", "'s Got Talent").
   */
  notBefore?: Name[];
  /**
   * Words that, near one of its acronyms in the same block of text, show
   * that the acronym is used in another sense: "click" near CPC (cost per
   * click), 组网 near NSA (a 5G mode). Only acronyms (capitals, two to five)
   * are judged by them: "the CIA said the integrity of the network" is still
   * the CIA. A short acronym needs them (`pack:check` warns where it has
   * none). Latin words count only as whole words; Han text anywhere within reach.
   */
  notNear?: Name[];
  /**
   * One-character forms the Chinese press uses only inside set phrases, each
   * written as its phrase with the short form in square brackets: 在[京] (in
   * Beijing), [英]媒 (British media), 中[澳] (China and Australia). Only the
   * bracketed text is marked, and only in these phrases; a longer name that
   * runs on from the phrase wins (在京东 is at JD.com).
   */
  shortForms?: Name[];
}

export interface Fact {
  id: Id;
  /** The id of one of the pack's phases. */
  phase: Id;
  /** The fact, in the pack's own words. */
  text: Text;
  /** Entities the fact is about; may be empty for story-wide facts. */
  entities: Id[];
  /** When it happened, where the article dates it: the story's timeline shows the date. */
  date?: PartialDate;
  paragraph: ParagraphId;
}

interface Relation {
  from: Id;
  /** Which of `from`'s roles the relation is about, where it has several. */
  fromRole?: Id;
  /** The id of one of the pack's relation types. */
  type: Id;
  to: Id;
  /** Which of `to`'s roles the relation is about, where it has several. */
  toRole?: Id;
  paragraph: ParagraphId;
}

/** The story told in brief: for each phase, in order, the facts that carry it. */
interface ArcPhase {
  phase: Id;
  facts: Id[];
}

/**
 * A version number: whole numbers joined by dots (`1`, `1.2`, `1.2.0`). A
 * pack with the same id and a higher version replaces the one installed.
 * @pattern ^\d{1,6}(\.\d{1,6}){0,2}$
 */
type PackVersion = string;

export interface StoryPack {
  /** Where an editor finds this schema; ignored by Context Lens. */
  $schema?: string;
  schemaVersion: typeof STORY_PACK_SCHEMA_VERSION;
  /** Names the pack for good: an update keeps it, and another story never takes it. */
  id: Id;
  version: PackVersion;
  /** The story's title, as readers see it in the panel and the options. */
  title: Text;
  /**
   * The language the pack is written in, as a BCP 47 tag (`en`, `zh-CN`).
   * @pattern ^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$
   */
  language: string;
  /** Who wrote the pack. */
  author: Text;
  /** The terms the pack may be shared under, e.g. "CC BY 4.0". */
  licence: Text;
  source: SourceArticle;
  /** @minItems 1 */
  phases: Phase[];
  relationTypes: RelationType[];
  keyFigures: KeyFigure[];
  /** @minItems 1 */
  entities: Entity[];
  facts: Fact[];
  relations: Relation[];
  arc: ArcPhase[];
  /**
   * The pack's text in other languages, by language tag (`zh-CN`): each text
   * field's value in that language. Fields left out are shown in the pack's
   * own language.
   */
  translations?: Record<LanguageTag, PackTranslation>;
}

/**
 * A language tag (BCP 47), such as `en` or `zh-CN`.
 * @pattern ^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$
 */
type LanguageTag = string;

/**
 * One language's values of the pack's text fields, each found by the id of
 * what it translates. Only text: a translated sentence keeps the paragraph
 * (or the background mark) of the sentence it translates, so a translation
 * can never change what the story is said to say.
 */
export interface PackTranslation {
  title?: Text;
  /** The summary, sentence for sentence. */
  summary?: Text[];
  /** Paragraph labels by paragraph id ("导语" for "Standfirst"). */
  paragraphs?: Record<ParagraphId, Text>;
  phases?: Record<Id, { label?: Text; period?: Text; description?: Text }>;
  relationTypes?: Record<Id, { forward?: Text; reverse?: Text }>;
  keyFigures?: Record<Id, { value?: Text; meaning?: Text }>;
  /** Entities' descriptions, sentence for sentence, and their roles' labels by role id. */
  entities?: Record<Id, { description?: Text[]; roles?: Record<Id, Text> }>;
  /** Facts' texts by fact id. */
  facts?: Record<Id, Text>;
}
