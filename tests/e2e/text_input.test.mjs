// Text as real keyboards, input methods and phones deliver it: committed text with no key
// events (page.keyboard.insertText, as a dead key, an input method or a phone keyboard sends
// it), compositions (CDP Input.imeSetComposition, as an input method shows its candidates),
// paste, and the keys ImGui handles itself. While a field is edited, a real editable element
// has the focus, with the keyboard hints of that field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, newContext, openApp, settle, shot, startApp, WAIT_MS } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

const draft = (page) => page.evaluate(() => window.reftier.editorDraft());

// A draft field once it reads `expected`, or as it stands after WAIT_MS. Under load the frames that
// take in the last keys can come after settle()'s few; a wrong or doubled text still fails.
async function draftWhen(page, key, expected) {
  await page.waitForFunction(([k, v]) => {
    const d = window.reftier.editorDraft();
    return d !== null && d[k] === v;
  }, [key, expected], { timeout: WAIT_MS }).catch(() => {});
  return (await draft(page))[key];
}

async function newReference() {
  const context = await newContext();
  const page = await openApp(context, url);
  await clickItem(page, '+ New reference');
  return { context, page };
}

async function focusField(page, label) {
  await clickItem(page, label, 'left');
  await settle(page);
}

test('committed text with accents lands in the Customer field', async () => {
  const { context, page } = await newReference();
  await focusField(page, 'Customer');
  await page.keyboard.insertText('Condé Nast Müller');
  await settle(page);
  await shot(page, 'text-input-committed-accents');
  assert.equal(await draftWhen(page, 'customer', 'Condé Nast Müller'), 'Condé Nast Müller');
  await context.close();
});

test('committed text with accents, CJK and an emoji lands in every field of the editor', async () => {
  const { context, page } = await newReference();
  const typed = {
    Customer: ['customer', 'Société Générale 株式会社'],
    Title: ['title', 'Ελληνικά и русский: サーバーレス 🚀 Cuts Cost'],
    URL: ['url', 'https://example.com/ça-va'],
    Workload: ['workload', 'Données en temps réel 数据'],
    Industry: ['industry', 'Santé'],
    'AWS services': ['services', 'Lambda, DynamoDB, 数据湖'],
  };
  for (const [label, [, text]] of Object.entries(typed)) {
    await focusField(page, label);
    await page.keyboard.insertText(text);
  }
  await focusField(page, 'Submitted on');
  await page.keyboard.insertText('2026-11-16');
  await focusField(page, 'Notes');
  await page.keyboard.insertText('Première ligne');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('第二行');
  await settle(page);
  await shot(page, 'text-input-every-field');
  const d = await draft(page);
  for (const [, [field, text]] of Object.entries(typed)) {
    if (field === 'services') assert.deepEqual(d.services, []); // split when saved
    else assert.equal(d[field], text, field);
  }
  assert.equal(d.submitted_on, '2026-11-16');
  assert.equal(d.notes, 'Première ligne\n第二行');
  await clickItem(page, 'Add reference').catch(() => {}); // below the fold at this size
  await context.close();
});

test('an input method composition produces the final text once', async () => {
  const { context, page } = await newReference();
  await focusField(page, 'Customer');
  await page.keyboard.insertText('Acme ');
  const cdp = await page.context().newCDPSession(page);
  for (const step of ['に', 'にほ', 'にほん']) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
    await settle(page, 2);
  }
  // While composing, the field shows what is being composed.
  assert.equal(await draftWhen(page, 'customer', 'Acme にほん'), 'Acme にほん');
  await shot(page, 'text-input-composition-in-progress');
  await cdp.send('Input.insertText', { text: '日本' }); // the candidate chosen: committed
  await settle(page);
  assert.equal(await draftWhen(page, 'customer', 'Acme 日本'), 'Acme 日本');
  await page.keyboard.insertText(' KK');
  await settle(page);
  assert.equal(await draftWhen(page, 'customer', 'Acme 日本 KK'), 'Acme 日本 KK');
  await context.close();
});

test('composition events dispatched as a dead key sends them give é once', async () => {
  const { context, page } = await newReference();
  await focusField(page, 'Title');
  await page.keyboard.type('Caf');
  // What Chrome sends for a dead-key sequence on macOS: compositionstart, the accent as the
  // composition, then the composed letter committed.
  await page.evaluate(() => {
    const el = document.activeElement;
    const at = el.selectionStart;
    el.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    el.setRangeText('´', at, at, 'end');
    el.dispatchEvent(new CompositionEvent('compositionupdate', { data: '´' }));
    el.dispatchEvent(new InputEvent('input', { data: '´', inputType: 'insertCompositionText', isComposing: true }));
    el.setRangeText('é', at, at + 1, 'end');
    el.dispatchEvent(new CompositionEvent('compositionupdate', { data: 'é' }));
    el.dispatchEvent(new InputEvent('input', { data: 'é', inputType: 'insertCompositionText', isComposing: true }));
    el.dispatchEvent(new CompositionEvent('compositionend', { data: 'é' }));
  });
  await page.keyboard.type(' Society');
  await settle(page);
  assert.equal(await draftWhen(page, 'title', 'Café Society'), 'Café Society');
  await context.close();
});

test('an editable element with the field\'s keyboard hints has the focus while a field is edited', async () => {
  const { context, page } = await newReference();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el.tagName, inputmode: el.getAttribute('inputmode'), enterkeyhint: el.getAttribute('enterkeyhint'),
             spellcheck: el.spellcheck, label: el.getAttribute('aria-label') };
  });
  await focusField(page, 'Title');
  assert.deepEqual(await focused(), { tag: 'INPUT', inputmode: 'text', enterkeyhint: 'done', spellcheck: true, label: 'Title' });
  await focusField(page, 'URL');
  assert.deepEqual(await focused(), { tag: 'INPUT', inputmode: 'url', enterkeyhint: 'done', spellcheck: false, label: 'URL' });
  await focusField(page, 'Submitted on');
  assert.equal((await focused()).inputmode, 'numeric');
  await focusField(page, 'Notes');
  assert.deepEqual(await focused(), { tag: 'TEXTAREA', inputmode: 'text', enterkeyhint: 'enter', spellcheck: true, label: 'Notes' });
  // The element lies over the field it edits.
  const rect = await page.evaluate(() => window.reftier.itemRect('Notes'));
  const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
  assert.ok(Math.abs(box.x - rect.x) < 1 && Math.abs(box.y - rect.y) < 1, JSON.stringify({ box, rect }));
  await page.keyboard.press('Escape');
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
  await context.close();
});

test('the keys ImGui handles keep working and nothing arrives twice', async () => {
  const { context, page } = await newReference();
  await focusField(page, 'Customer');
  await page.keyboard.type('Globex Bnak');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('ank');
  await page.keyboard.press('Home');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('G');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('-');
  await settle(page);
  assert.equal(await draftWhen(page, 'customer', 'Globex-Bank'), 'Globex-Bank');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Initech');
  await settle(page);
  assert.equal(await draftWhen(page, 'customer', 'Initech'), 'Initech');
  await page.keyboard.press('Control+Z');
  await settle(page);
  assert.notEqual((await draft(page)).customer, 'Initech');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Initech');
  await page.keyboard.press('Tab'); // to the next field, the title
  await settle(page);
  await page.keyboard.insertText('Über');
  await settle(page);
  const d = await draft(page);
  assert.equal(d.customer, 'Initech');
  assert.equal(d.title, 'Über');
  await context.close();
});

// Every element that takes the focus from now on, in order.
const watchFocus = (page) => page.evaluate(() => {
  window.focusTaken = [];
  document.addEventListener('focusin', (e) => window.focusTaken.push(e.target.tagName), true);
});
const focusTaken = (page) => page.evaluate(() => window.focusTaken);

test('Tab and a click from one field to another keep the focus on the editable element', async () => {
  const { context, page } = await newReference();
  await focusField(page, 'Customer');
  await page.keyboard.type('Initech');
  await settle(page);
  await watchFocus(page);
  await page.keyboard.press('Tab');
  await settle(page);
  // The focus stayed: text committed in the frames between the fields reaches the next one.
  await page.keyboard.insertText('Über');
  await clickItem(page, 'URL', 'left');
  await page.keyboard.insertText('https://example.com/é');
  await clickItem(page, 'Customer');
  await page.keyboard.press('End');
  await page.keyboard.insertText(' Ltd');
  await settle(page);
  assert.deepEqual(await focusTaken(page), []);
  assert.equal(await draftWhen(page, 'title', 'Über'), 'Über');
  assert.equal(await draftWhen(page, 'url', 'https://example.com/é'), 'https://example.com/é');
  assert.equal(await draftWhen(page, 'customer', 'Initech Ltd'), 'Initech Ltd');
  await context.close();
});

test('keys typed while a click on a field waits for its frame go into that field', async () => {
  const { context, page } = await newReference();
  await focusField(page, 'Customer');
  await page.keyboard.press('Escape'); // no field is edited: the canvas has the focus
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
  const rect = await page.evaluate(() => window.reftier.itemRect('Title'));
  // No frame is drawn while the click and the keys arrive, as on a device whose frames take
  // longer than a fast typist's keys: the keys reach the canvas before the field is active.
  await page.evaluate(() => Module.pauseMainLoop());
  await page.mouse.click(rect.x + 12, rect.y + rect.height / 2);
  await page.keyboard.type('Acme Corp');
  await page.evaluate(() => Module.resumeMainLoop());
  assert.equal(await draftWhen(page, 'title', 'Acme Corp'), 'Acme Corp');
  assert.equal((await draft(page)).customer, '');
  await context.close();
});

test('keys typed right after Alt+N, before the new reference has its first field, go into it', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
  await page.evaluate(() => Module.pauseMainLoop());
  await page.keyboard.press('Alt+N');
  await page.keyboard.type('Acme');
  await page.evaluate(() => Module.resumeMainLoop());
  assert.equal(await draftWhen(page, 'customer', 'Acme'), 'Acme');
  await context.close();
});

test('a burst of typing reaches the field within a few frames, not a frame or two a key', async () => {
  const { context, page } = await newReference();
  await focusField(page, 'Title');
  const text = 'Serverless order processing cuts cost';
  await page.evaluate(() => Module.pauseMainLoop());
  await page.keyboard.type(text);
  // Frames drawn from the resume until the field holds the whole text (76 when ImGui saw each
  // character's key as well as its text, since it takes a key change and text a frame each).
  const frames = await page.evaluate((want) => new Promise((resolve) => {
    let n = 0;
    const tick = () => {
      ++n;
      if (window.reftier.editorDraft().title === want || n > 200) resolve(n);
      else requestAnimationFrame(tick);
    };
    Module.resumeMainLoop();
    requestAnimationFrame(tick);
  }), text);
  assert.equal((await draft(page)).title, text);
  assert.ok(frames <= 3, `${frames} frames`);
  await context.close();
});

test('paste and cut go through the editable element, once', async () => {
  const { context, page } = await newReference();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  await focusField(page, 'Title');
  await page.evaluate(() => navigator.clipboard.writeText('Données Cloud'));
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Control+V');
  await settle(page);
  assert.equal(await draftWhen(page, 'title', 'Données CloudDonnées Cloud'), 'Données CloudDonnées Cloud');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+X');
  await settle(page);
  assert.equal(await draftWhen(page, 'title', ''), '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Données CloudDonnées Cloud');
  await context.close();
});
