// Keyboard and screen readers: the page says what it is (lang, title, description); the
// aria-live region tells which widget has the focus, a field's text, and a finding when it
// appears; everything is reached with the keyboard alone, with a visible focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, newContext, openApp, settle, shot, startApp } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const announced = (page) => page.evaluate(() => document.getElementById('reftier-announce').textContent);

test('the page has a language, a title and a description', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  const head = await page.evaluate(() => ({
    lang: document.documentElement.lang, title: document.title,
    description: document.querySelector('meta[name=description]').content,
    live: document.getElementById('reftier-announce').getAttribute('aria-live'),
  }));
  assert.equal(head.lang, 'en');
  assert.match(head.title, /RefTier/);
  assert.match(head.description, /APN tier/);
  assert.equal(head.live, 'polite');
  await context.close();
});

test('the live region follows the keyboard focus through the editor and reads new findings', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await clickItem(page, '+ New reference');
  await clickItem(page, 'Customer', 'left');
  let words = await announced(page);
  assert.match(words, /Customer/);
  await page.keyboard.insertText('Initech');
  await page.keyboard.press('Tab'); // the keyboard moves on to the title
  await settle(page);
  assert.match(await announced(page), /Title/);
  await page.keyboard.insertText('Test');
  await settle(page, 6);
  words = await announced(page);
  assert.match(words, /placeholder|Error|Warning/i, `a finding was announced: ${words}`);
  await shot(page, 'screen-reader-keyboard-focus');
  const draft = await page.evaluate(() => window.reftier.editorDraft());
  assert.equal(draft.customer, 'Initech');
  assert.equal(draft.title, 'Test');
  await context.close();
});
