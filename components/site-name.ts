import { LOCAL_FILES } from '../engine/settings/site-rules';
import type { Words } from '../platform/words/words';

/** How a site rule's key is shown to the reader: its address, or "local files" in their language. */
export function siteName({ t }: Pick<Words, 't'>, key: string): string {
  return key === LOCAL_FILES ? t('sites.localFiles') : key;
}

/** How a site rule is named where it is acted on (edited, removed): "Remove local files" would sound like deleting them. */
export function siteRuleName({ t }: Pick<Words, 't'>, key: string): string {
  return key === LOCAL_FILES ? t('sites.localFilesRule') : key;
}
