// Finds the browsers to drive: Chrome or Chromium (CHROME_PATH first) and
// Firefox (FIREFOX_PATH first), then each one's usual install places.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BROWSERS = {
  chrome: {
    name: 'Chrome or Chromium',
    variable: 'CHROME_PATH',
    candidates: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    ],
    install: 'Debian/Ubuntu: sudo apt-get install -y chromium; macOS: install Google Chrome',
  },
  firefox: {
    name: 'Firefox',
    variable: 'FIREFOX_PATH',
    candidates: [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/snap/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
      'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
    ],
    install: 'Debian/Ubuntu: sudo apt-get install -y firefox-esr; macOS: install Firefox',
  },
};

/** @param {keyof typeof BROWSERS} browser */
function find(browser) {
  const { name, variable, candidates, install } = BROWSERS[browser];
  const fromEnv = process.env[variable];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${variable} is set to ${fromEnv}, but nothing is there.`);
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(`No ${name} found. Install one (${install}) or set ${variable} to its executable.`);
}

export const findChrome = () => find('chrome');
export const findFirefox = () => find('firefox');

// Run directly (`node tools/scripts/find-browsers.mjs chrome firefox`, as npm run test:e2e does),
// it says which browsers the tests will drive, or how to get the missing one.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const wanted = process.argv.slice(2);
  try {
    for (const browser of wanted.length > 0 ? wanted : ['chrome']) {
      if (!(browser in BROWSERS)) throw new Error(`Unknown browser "${browser}": chrome or firefox.`);
      const key = /** @type {keyof typeof BROWSERS} */ (browser);
      console.log(`${BROWSERS[key].name} for end-to-end tests: ${find(key)}`);
    }
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    process.exit(1);
  }
}
