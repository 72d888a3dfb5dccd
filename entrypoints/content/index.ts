import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../../page/start/content-script';
import './highlights.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // From the first byte: the page's settings and names are asked for while it is parsed.
  runAt: 'document_start',
  main: (ctx) => runContentScript({ ctx, runtime: browser.runtime, window, topFrame: window.top === window }),
});
