import type { Page } from '@playwright/test';
import type { Extension } from '../fixtures';

/** Runs a manifest command as the browser would when its keys are pressed. */
export async function runCommand(extension: Extension, page: Page, command: string): Promise<void> {
  const tabId = await extension.tabIdOf(page);
  await extension.serviceWorker.evaluate(
    ([name, id]: [string, number]) => {
      // Extension events can be dispatched by hand in Chromium; headless has no keyboard accelerators.
      (chrome.commands.onCommand as unknown as { dispatch(n: string, t: { id: number }): void }).dispatch(name, {
        id,
      });
    },
    [command, tabId] as [string, number],
  );
}
