/**
 * What the engine tells a reader, as codes with their details rather than
 * sentences: the engine runs anywhere and speaks no language; the interface
 * puts each notice into the reader's words (components/notice-text.ts).
 */
export type Notice =
  /** Stored or imported settings that are not an object at all. */
  | { code: 'settingsNotObject' }
  | { code: 'notTrueOrFalse'; field: string }
  | { code: 'notOneOf'; field: string; options: readonly string[] }
  | { code: 'kindsInvalid' }
  | { code: 'delayOutOfRange'; min: number; max: number }
  | { code: 'notASetting'; field: string }
  | { code: 'storiesInvalid' }
  | { code: 'storyChoiceInvalid'; story: string }
  | { code: 'storyEnabledInvalid'; story: string }
  | { code: 'storyColourInvalid'; story: string; contrast: number }
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
  | { code: 'packsTooLarge'; bytes: number; limit: number };
