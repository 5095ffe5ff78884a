// What the app writes, it can always read back (issue 17), in real Chromium: over-long text
// pasted into any field of any editor never makes the saved document unreadable, each field
// says what it left out, an unsaved draft is not dropped without asking, and Ctrl+Z in a text
// field undoes its text, not the document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, newContext, openApp, settle, shot, startApp, typeInto } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

// Puts `text` on the system clipboard and pastes it with Ctrl+V into the field, replacing what
// it held: the path a user's paste takes.
async function pasteInto(page, label, text) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await clickItem(page, label, 'left');
  await page.keyboard.press('Control+A');
  await settle(page, 2);
  await page.keyboard.press('Control+V');
  await settle(page, 8); // a long paste takes the app a frame or two more
}

const LONG = 'Example Partner Name '.repeat(200).slice(0, 4034); // the 4,034 bytes

// Reloads and checks the stored document opened without being kept aside, with all its
// references and `accounts` accounts; returns the state and the document.
async function reloadIntact(page, accounts) {
  await page.reload();
  await page.evaluate(() => window.reftier.ready);
  await settle(page);
  const state = await page.evaluate(() => window.reftier.state());
  assert.equal(state.storage_notice, '');
  assert.equal(state.references, 25);
  assert.equal(state.accounts, accounts);
  return { state, doc: await page.evaluate(() => window.reftier.document()) };
}

test('issue 17: a 4,034-character partner name pasted over the sample data does not lose it', async () => {
  const context = await newContext();
  const page = await openApp(context, url, [], 'Load sample data');
  await page.evaluate(() => window.reftier.whenSaved());
  const before = await page.evaluate(() => window.reftier.state());
  assert.equal(before.references, 25);
  assert.equal(before.accounts, 6);

  await clickItem(page, 'Partner');
  await pasteInto(page, 'Partner name', LONG);
  await shot(page, 'partner-name-over-long-paste');
  await clickItem(page, 'References'); // click away
  await page.evaluate(() => window.reftier.whenSaved());

  const name = (await reloadIntact(page, 6)).doc.partner.name;
  assert.ok(name.length <= 2048, `partner name of ${name.length} bytes was stored`);
  await context.close();
});

const LINE_LIMIT = 2048;
const NOTES_LIMIT = 65536;
const noteFor = async (page, label) =>
  (await page.evaluate(() => window.reftier.state().limit_notes)).some((n) => n.startsWith(label + ': '));

// Pastes `text` into `label` and expects the field's note saying the rest was left out.
async function pasteOverLong(page, label, text) {
  await pasteInto(page, label, text);
  if (!await noteFor(page, label)) await shot(page, `no-limit-note-${label}`);
  assert.ok(await noteFor(page, label),
    `no "at most" note under ${label}: ${JSON.stringify(await page.evaluate(() => window.reftier.state().limit_notes))}`);
}

test('over-long text pasted into every text field of every editor leaves a document that reloads intact', async () => {
  // Tall enough for every field of the editors and its note.
  const context = await newContext({ viewport: { width: 1280, height: 1400 } });
  const page = await openApp(context, url, [], 'Load sample data');
  await page.evaluate(() => window.reftier.whenSaved());

  // The reference editor: every text field, then Save.
  await clickItem(page, 'Wonka Confectionery');
  const id = (await page.evaluate(() => window.reftier.state())).editor_id;
  // From the bottom up: the notes under the fields above push the lower ones down.
  // A date field takes no over-long text either: it is not a date, and Save waits for one.
  await pasteInto(page, 'Submitted on', LONG);
  assert.equal((await page.evaluate(() => window.reftier.document())).references.find((r) => r.id === id).submitted_on, '2026-11-26');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2026-11-27');
  await settle(page);
  await pasteOverLong(page, 'Notes', 'A long note.\n'.repeat(5600)); // 72,800 bytes
  for (const label of ['Industry', 'AWS services', 'Workload', 'URL', 'Title', 'Customer']) {
    const text = { 'AWS services': 'Lambda, '.repeat(600), URL: 'https://example.com/' + 'a'.repeat(4100) }[label];
    await pasteOverLong(page, label, text || LONG);
  }
  await shot(page, 'reference-editor-over-long-pastes');
  await page.mouse.move(1000, 900); // down to the Save button
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 400);
  await clickItem(page, 'Save');
  assert.equal((await page.evaluate(() => window.reftier.state())).editor_open, false, 'the reference was saved');

  // The account editor: a new member account, every text field.
  await clickItem(page, 'Accounts');
  await clickItem(page, '+ Add account');
  await pasteOverLong(page, 'Account id', '1'.repeat(4034));
  await pasteOverLong(page, 'Name', LONG);
  await clickItem(page, 'Role');
  await clickItem(page, 'Member account');
  // The management account is a choice among the document's management accounts (issue 18).
  await clickItem(page, 'Management');
  await clickItem(page, 'Northwind Org management (111122223333)');
  await shot(page, 'account-editor-over-long-pastes');
  await clickItem(page, 'Add account');
  assert.equal((await page.evaluate(() => window.reftier.state())).account_editor_open, false, 'the account was added');

  // The partner profile.
  await clickItem(page, 'Partner');
  await pasteOverLong(page, 'Partner name', LONG);
  await clickItem(page, 'References');
  await page.evaluate(() => window.reftier.whenSaved());

  const { doc } = await reloadIntact(page, 7);
  const bytes = (text) => new TextEncoder().encode(text).length;
  const edited = doc.references.find((r) => r.id === id);
  for (const field of ['customer', 'title', 'url', 'workload', 'industry']) {
    assert.ok(bytes(edited[field]) > LINE_LIMIT - 4 && bytes(edited[field]) <= LINE_LIMIT, `${field}: ${bytes(edited[field])} bytes`);
  }
  assert.ok(edited.url.startsWith('https://example.com/aaa'));
  assert.ok(edited.services.length > 200 && edited.services.every((s) => s.startsWith('Lambda'.slice(0, s.length))));
  assert.ok(bytes(edited.notes) > NOTES_LIMIT - 16 && bytes(edited.notes) <= NOTES_LIMIT, `notes: ${bytes(edited.notes)} bytes`);
  assert.equal(edited.submitted_on, '2026-11-27');
  const account = doc.accounts[6];
  assert.deepEqual([account.id.length, account.name.length, account.parent], [LINE_LIMIT, LINE_LIMIT, '111122223333']);
  assert.equal(bytes(doc.partner.name), LINE_LIMIT);
  await context.close();
});

test('over-long text pasted into the scorecard editor\'s text fields is cut, and the rule set reloads intact', async () => {
  const context = await newContext({ viewport: { width: 1280, height: 1400 } });
  const page = await openApp(context, url, [], 'Load sample data');
  await page.evaluate(() => window.reftier.whenSaved());
  await clickItem(page, 'Tier progress');
  await clickItem(page, 'Copy my scorecard...');
  await pasteOverLong(page, 'Source', LONG);
  await pasteOverLong(page, 'Name', LONG);
  await shot(page, 'scorecard-editor-over-long-pastes');
  await clickItem(page, 'Save and use this rule set');
  await page.evaluate(() => window.reftier.whenSaved());

  const { doc } = await reloadIntact(page, 6);
  assert.equal(doc.rule_sets.length, 1);
  const bytes = (text) => new TextEncoder().encode(text).length;
  assert.equal(bytes(doc.rule_sets[0].name), LINE_LIMIT);
  assert.equal(bytes(doc.rule_sets[0].source), LINE_LIMIT);
  assert.equal(doc.partner.rule_set, doc.rule_sets[0].id);
  await context.close();
});

test('committed text and a finished composition from the text agent keep to the field\'s limit', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await clickItem(page, '+ New reference');
  await clickItem(page, 'Customer', 'left');
  await settle(page);
  // Committed text with no key events, as an input method or a phone keyboard sends it.
  await page.keyboard.insertText('Ü' + LONG);
  await settle(page, 8);
  const bytes = (text) => new TextEncoder().encode(text).length;
  let customer = (await page.evaluate(() => window.reftier.editorDraft())).customer;
  assert.ok(bytes(customer) > LINE_LIMIT - 4 && bytes(customer) <= LINE_LIMIT, `${bytes(customer)} bytes`);
  assert.ok(customer.startsWith('ÜExample Partner Name') && !customer.includes('\uFFFD'));
  assert.ok(await noteFor(page, 'Customer'), 'the field says the rest was left out');

  // A composition committed into a field one byte short of full: 日本 does not fit, and no
  // half of a character is kept.
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('x'.repeat(LINE_LIMIT - 2));
  await settle(page);
  const cdp = await page.context().newCDPSession(page);
  for (const step of ['に', 'にほ', 'にほん']) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
    await settle(page, 2);
  }
  await cdp.send('Input.insertText', { text: '日本' });
  await settle(page, 8);
  customer = (await page.evaluate(() => window.reftier.editorDraft())).customer;
  assert.ok(bytes(customer) <= LINE_LIMIT, `${bytes(customer)} bytes`);
  assert.ok(customer.startsWith('x'.repeat(LINE_LIMIT - 2)) && !customer.includes('\uFFFD'), JSON.stringify(customer.slice(-8)));
  assert.ok(await noteFor(page, 'Customer'));
  await context.close();
});

// Types at the end of a field's text.
async function appendTo(page, label, text) {
  await clickItem(page, label);
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: 5 });
  await settle(page);
}

test('an unsaved draft is not dropped by selecting another row or Alt+N without asking', async () => {
  const context = await newContext();
  const page = await openApp(context, url, [], 'Load sample data');
  await clickItem(page, 'Wonka Confectionery');
  await appendTo(page, 'Customer', ' Ltd');
  const draft = await page.evaluate(() => window.reftier.state());
  assert.equal(draft.editor_changed, true);

  await clickItem(page, 'Acme Retail'); // another row
  assert.equal((await page.evaluate(() => window.reftier.state())).draft_dialog, true);
  await shot(page, 'draft-dialog');
  await clickItem(page, 'Keep editing');
  let state = await page.evaluate(() => window.reftier.state());
  assert.deepEqual([state.draft_dialog, state.editor_id, state.editor_changed], [false, draft.editor_id, true]);

  await clickItem(page, 'Title'); // focus in the editor, as a user typing there would have
  await page.keyboard.press('Alt+N');
  await settle(page);
  assert.equal((await page.evaluate(() => window.reftier.state())).draft_dialog, true, 'Alt+N asks too');
  await clickItem(page, 'Save changes');
  state = await page.evaluate(() => window.reftier.state());
  assert.equal(state.draft_dialog, false);
  assert.equal(state.editor_changed, false, 'the new reference opened after the save');
  const saved = (await page.evaluate(() => window.reftier.document())).references.find((r) => r.id === draft.editor_id);
  assert.equal(saved.customer, 'Wonka Confectionery Ltd');

  // Discard: the other row opens and the draft's changes are gone.
  await typeInto(page, 'Customer', 'Someone New');
  await clickItem(page, 'Acme Retail');
  await clickItem(page, 'Discard changes');
  state = await page.evaluate(() => window.reftier.state());
  assert.equal(state.editor_changed, false);
  assert.notEqual(state.editor_id, saved.id);
  assert.equal(state.references, 25, 'the discarded new reference was never added');
  await context.close();
});

test('Ctrl+Z inside a text field undoes its text, not the last document edit', async () => {
  const context = await newContext();
  const page = await openApp(context, url, [], 'Load sample data'); // an undoable document edit
  assert.equal((await page.evaluate(() => window.reftier.state())).can_undo, true);
  await clickItem(page, 'Wonka Confectionery');
  await appendTo(page, 'Customer', 'XYZ');
  assert.equal((await page.evaluate(() => window.reftier.state())).editor_changed, true);
  // ImGui's field undoes a typed character at a time.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+Z');
    await settle(page);
    assert.equal((await page.evaluate(() => window.reftier.state())).references, 25, 'the sample data is still loaded');
  }
  assert.equal((await page.evaluate(() => window.reftier.state())).editor_changed, false, 'the typed text was undone');
  // Outside a text field, Ctrl+Z still undoes the document edit.
  await clickItem(page, 'Cancel');
  await page.keyboard.press('Control+Z');
  await settle(page);
  assert.equal((await page.evaluate(() => window.reftier.state())).references, 0);
  await context.close();
});
