// Drives a running code-server workbench in headless Chromium: loads the extension from
// its folder with the test suite (out/test/index.js) in the extension host, takes a
// screenshot with the Problems panel open when the suite says so, and waits for its result.
//
//   node scripts/e2e.mjs BASE_URL WORKSPACE_DIR EXTENSION_DIR SCREENSHOT.png
//
// Exit code: the suite's (0 pass, 1 fail), 2 if it never reported.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, workspace, extensionDir, screenshot] = process.argv.slice(2);
if (!screenshot) {
  console.error('usage: e2e.mjs BASE_URL WORKSPACE_DIR EXTENSION_DIR SCREENSHOT.png');
  process.exit(2);
}
const host = new URL(base).host;
const payload = [
  ['extensionDevelopmentPath', `vscode-remote://${host}${extensionDir}`],
  ['extensionTestsPath', `vscode-remote://${host}${extensionDir}/out/test/index.js`],
];
const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let exitCode = 2;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  let settle;
  const result = new Promise((resolve) => { settle = resolve; });
  // The workbench calls this with the suite's result when run() settles.
  await page.exposeFunction('codeAutomationExit', (code) => { settle(code); });
  let ready;
  const readyForShot = new Promise((resolve) => { ready = resolve; });
  page.on('console', (message) => {
    const text = message.text();
    if (text.includes('[copydesk-test] ready for the screenshot')) {
      ready();
    }
    if (text.includes('[copydesk-test]') || /copydesk/i.test(text) && message.type() === 'error') {
      console.log(text.replace(/^.*\[copydesk-test\] ?/, ''));
    }
  });
  await page.goto(url);
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 240000));
  // The suite pauses (with the server still running) for the screenshot, which shows the
  // seed draft with its squiggles and the Problems panel open.
  if (await Promise.race([readyForShot.then(() => 'ready'), result, timeout]) === 'ready') {
    await page.waitForTimeout(1500);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(2000);
    await page.screenshot({ path: screenshot });
    console.log(`screenshot: ${screenshot}`);
    writeFileSync(`${workspace}/.screenshot-taken`, '');
  }
  const code = await Promise.race([result, timeout]);
  if (code === 'timeout') {
    console.log('the suite did not report within 4 minutes');
  } else {
    exitCode = Number(code) === 0 ? 0 : 1;
  }
} finally {
  await browser.close();
}
process.exit(exitCode);
