/**
 * What the engine tells a reader, as codes with their details rather than
 * sentences: the engine runs anywhere and speaks no language; the interface
 * puts each notice into the reader's words (platform/words/notice-text.ts).
 */
export type Notice =
  /** Stored or imported settings that are not an object at all. */
  | { code: 'settingsNotObject' }
  | { code: 'notOneOf'; field: string; options: readonly string[] }
  | { code: 'kindsInvalid' }
  | { code: 'delayOutOfRange'; min: number; max: number }
  | { code: 'notASetting'; field: string }
  | { code: 'storiesInvalid' }
  | { code: 'storyChoiceInvalid'; story: string }
  | { code: 'storyEnabledInvalid'; story: string }
  | { code: 'storyColourInvalid'; story: string; contrast: number }
  | { code: 'storyPublicInvalid'; story: string }
  | { code: 'sitesInvalid' }
  | { code: 'sitesDropped'; count: number }
  /** What storage held of the settings, read back. */
  | { code: 'settingsUnreadable'; error: string }
  | { code: 'settingsDamaged' }
  | { code: 'settingsNewer'; version: number }
  | { code: 'siteListSizeDamaged' }
  | { code: 'siteChunksMissing'; count: number }
  /** What storage held of the list of packs a reader added. */
  | { code: 'packEntryDamaged' }
  | { code: 'packListDamaged' }
  /** A settings file refused before its settings are read. */
  | { code: 'fileTooLarge' }
  | { code: 'fileNotJson' }
  | { code: 'fileNotSettings' }
  | { code: 'fileNewer' }
  | { code: 'fileUnknownVersion' }
  | { code: 'fileNoSettings' }
  /** A site the reader typed that cannot be a rule. */
  | { code: 'siteEmpty' }
  | { code: 'siteTooLong' }
  | { code: 'siteNotAName'; input: string }
  | { code: 'siteNotWeb' }
  /** A story pack that would take more room than Context Lens keeps. */
  | { code: 'packTooLarge'; bytes: number; limit: number }
  | { code: 'packsFull'; count: number }
  | { code: 'packsTooLarge'; bytes: number; limit: number }
  | PackNotice;

/** A part of a story pack, as a problem names where it is. */
export type PackPart =
  | 'pack'
  | 'source'
  | 'paragraph'
  | 'phase'
  | 'relationType'
  | 'keyFigure'
  | 'entity'
  | 'role'
  | 'fact'
  | 'relation'
  | 'arcStep'
  | 'statement'
  | 'translation';

/** What is wrong with a story pack at one place in it (the place is the problem's path). */
export type PackNotice =
  /** The file as a whole. */
  | { code: 'fileUnreadable'; error: string }
  | { code: 'packNotObject' }
  | { code: 'packNotJson'; error: string }
  | { code: 'packSchemaNewer'; version: number; newest: number }
  /** A field's value. */
  | { code: 'notAField'; part: PackPart }
  | { code: 'textLength'; max: number }
  | { code: 'textWhenPresent' }
  /** A switch of the settings, or a pack's yes-or-no field, that holds something else. */
  | { code: 'notTrueOrFalse'; field: string }
  | { code: 'schemaVersion'; version: number }
  | { code: 'badId' }
  | { code: 'badParagraphId' }
  | { code: 'badVersion' }
  | { code: 'badLanguage' }
  | { code: 'badDate' }
  | { code: 'badSourceDate' }
  | { code: 'badColour' }
  | { code: 'badKind'; kinds: readonly string[] }
  | { code: 'notWebAddress' }
  | { code: 'notWhole' }
  | { code: 'notPositive' }
  | { code: 'positionOrder' }
  /** Lists. */
  | { code: 'notAList' }
  | { code: 'notAnObject' }
  | { code: 'tooManyItems'; count: number; max: number }
  | { code: 'tooFewItems'; min: number }
  | { code: 'notAnIdList'; part: PackPart }
  /** A short form that is not its phrase with one or two chars in square brackets. */
  | { code: 'badShortForm'; form: string }
  | { code: 'usedTwice'; id: string }
  /** Statements and their citations. */
  | { code: 'notAStatement' }
  | { code: 'noStatements' }
  | { code: 'uncited' }
  | { code: 'citedAndBackground' }
  | { code: 'unknownParagraph'; paragraph: string }
  /** Names. */
  | { code: 'notANameList' }
  | { code: 'tooManyNames'; count: number; max: number }
  /** More names in all of a pack's entities than every page should compile. */
  | { code: 'tooManyNamesInPack'; count: number; max: number }
  | { code: 'nameLength'; max: number }
  | { code: 'spacesAround' }
  /** A name or later form with fewer than two letters or digits, which would mark them everywhere. */
  | { code: 'nameTooShort'; name: string }
  /** A name or later form that is a word of running text ("the", "and"). */
  | { code: 'nameIsCommonWord'; name: string }
  | { code: 'noNames' }
  | { code: 'missingDisplayName'; name: string }
  | { code: 'notOwnName'; name: string }
  | { code: 'openersForLater' }
  | { code: 'nameClaimed'; name: string; owner: string }
  /** References between the pack's parts. */
  | { code: 'unknownPhase'; id: string }
  | { code: 'unknownEntity'; id: string }
  | { code: 'unknownFact'; id: string }
  | { code: 'unknownRelationType'; id: string }
  | { code: 'noFact'; id: string }
  | { code: 'selfRelation' }
  | { code: 'phaseTwiceInArc'; id: string }
  /** Translations. */
  | { code: 'notATranslationMap' }
  | { code: 'badTranslationTag' }
  | { code: 'translatesIntoOwn' }
  | { code: 'notATextMap'; part: PackPart }
  | { code: 'unknownId'; part: PackPart; id: string }
  | { code: 'notTranslatable'; part: PackPart }
  | { code: 'notASentenceList' }
  | { code: 'sentenceCount'; count: number }
  /** Against the article it was written from (`pack:check --source`). */
  | { code: 'positionMissing' }
  | { code: 'positionBeyond'; position: number; paragraphs: number }
  | { code: 'copiesSource'; words: number; copied: string }
  | { code: 'weakSupport'; share: number; paragraph: string; needed: number };
