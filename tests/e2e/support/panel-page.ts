import type { Locator, Page } from '@playwright/test';
import type { Extension, PanelEntry } from '../fixtures';

/** Page object for the toolbar panel or the side panel opened as a page (`popup.html?tab=ID`, `sidepanel.html?tab=ID`). */
export class PanelPage {
  readonly siteSwitch: Locator;
  readonly globalSwitch: Locator;
  readonly search: Locator;
  readonly onPage: Locator;

  constructor(readonly page: Page) {
    this.siteSwitch = page.getByRole('switch', { name: /^Highlight on / });
    this.globalSwitch = page.getByRole('switch', { name: 'On everywhere' });
    this.search = page.getByRole('combobox', { name: 'Search the stories' });
    this.onPage = page.getByRole('region', { name: /^On this page/ });
  }

  /** Opens the panel for the tab of `forPage` (or with no tab named) and waits until it has read that tab. */
  static async open(extension: Extension, forPage?: Page, entry?: PanelEntry): Promise<PanelPage> {
    const panel = new PanelPage(await extension.openPanel(forPage, entry));
    await panel.ready();
    return panel;
  }

  async ready(): Promise<void> {
    await this.page.locator('.on-page[aria-busy="false"]').waitFor();
  }

  entity(name: string): Locator {
    return this.onPage.getByRole('button', { name: new RegExp(`^${name}, \\d+ mentions?\\b`) });
  }
}

/** How many mentions the page shows highlighted, all kinds. Runs in the page. */
export function ourHighlightTotal(): number {
  let total = 0;
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('context-lens-') && name !== 'context-lens-active' && name !== 'context-lens-flash') {
      total += highlight.size;
    }
  }
  return total;
}

/** How many mentions a page shows highlighted, all kinds. */
export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(ourHighlightTotal);
}
