// Browser and end-to-end tests need Debian's Chromium. Install it when missing and we are root; otherwise say how.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${CHROMIUM_PATH}. Install Debian's package with:\n` +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or set CHROME_PATH to an existing Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  console.log('Chromium is missing: installing Debian package "chromium" (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`apt-get finished but ${CHROMIUM_PATH} still does not exist.`);
    process.exit(1);
  }
}

ensureChromium();
