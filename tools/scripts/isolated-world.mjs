// Runs an expression in a fresh isolated world of a page, as a content script
// would see it: its own globals and its own wrapper for every node, beside
// the page's world (which the page may have broken) and ours.

/**
 * @template T
 * @param {import('playwright-core').Page} page
 * @param {string} expression evaluated with its value returned by value
 * @param {string} worldName
 * @returns {Promise<T>}
 */
export async function evaluateInIsolatedWorld(page, expression, worldName = 'probe') {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.executionContextId,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return /** @type {T} */ (result.value);
  } finally {
    await cdp.detach();
  }
}
