import type { BrowserContext, Page, Request } from '@playwright/test';

/** Requests that would reach a network: the extension's own files and data: URLs are not. */
const NETWORK = /^(https?|wss?|ftp):/;
const OURS = 'chrome-extension://';

interface StackTrace {
  callFrames: { url: string }[];
  parent?: StackTrace;
}

function fromOurScript(stack: StackTrace | undefined): boolean {
  for (let s = stack; s !== undefined; s = s.parent) {
    if (s.callFrames.some((frame) => frame.url.startsWith(OURS))) return true;
  }
  return false;
}

function madeByOurPage(request: Request): boolean {
  const worker = request.serviceWorker();
  if (worker !== null) return worker.url().startsWith(OURS);
  try {
    return request.frame().url().startsWith(OURS);
  } catch {
    // A request of a worker that is not ours has no frame.
    return false;
  }
}

/**
 * Collects the network requests our extension makes: from its service worker
 * and its own pages (the context sees those), and from the content script on
 * `page`, which the page's own requests hide among, so they are told apart by
 * the script that started them.
 */
export async function watchExtensionRequests(context: BrowserContext, page: Page) {
  const requests: string[] = [];
  const onRequest = (request: Request) => {
    if (NETWORK.test(request.url()) && madeByOurPage(request)) requests.push(request.url());
  };
  context.on('request', onRequest);
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
    const ours = initiator.url?.startsWith(OURS) || fromOurScript(initiator.stack as StackTrace | undefined);
    if (NETWORK.test(request.url) && ours) {
      requests.push(request.url);
    }
  });
  await cdp.send('Network.enable');
  return {
    requests,
    async stop() {
      context.off('request', onRequest);
      await cdp.detach().catch(() => undefined);
    },
  };
}
