// Account linking through the UI: a member account with partner activity that is not linked
// is added with mouse and keyboard, and the app says it earns no APN points.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, newContext, openApp, settle, shot, startApp, typeInto } from './browser.mjs';

let server, url;
before(async () => ({ server, url } = await startApp()));
after(() => server.close());

test('an unlinked member account with activity added in the UI shows as losing points', async () => {
  const context = await newContext();
  const page = await openApp(context, url);
  await page.evaluate(() => window.reftier.importJson(JSON.stringify({
    format: 'reftier', version: 1, partner: { name: 'Example Partner', path: 'consulting', rule_set: 'apn-2019-consulting' },
    references: [],
    accounts: [{ id: '111122223333', name: 'Org management', role: 'management', parent: null, linked: true, partner_activity: false }],
  })));
  await clickItem(page, 'Accounts');
  await clickItem(page, '+ Add account');
  await typeInto(page, 'Account id', '444455556666');
  await typeInto(page, 'Name', 'Project A');
  await clickItem(page, 'Role');
  await clickItem(page, 'Member account');
  // Its Organization is chosen among the management accounts, not typed (issue 18).
  await clickItem(page, 'Management');
  await clickItem(page, 'Org management (111122223333)');
  await clickItem(page, 'Runs partner activity');
  await clickItem(page, 'Add account');
  await settle(page);
  const state = await page.evaluate(() => window.reftier.state());
  assert.equal(state.accounts, 2);
  assert.equal(state.accounts_with_activity, 1);
  assert.equal(state.accounts_with_activity_earning, 0);
  const member = (await page.evaluate(() => window.reftier.document())).accounts[1];
  assert.deepEqual([member.id, member.role, member.parent, member.linked, member.partner_activity],
    ['444455556666', 'member', '111122223333', false, true]);
  await shot(page, 'accounts-unlinked-member');
  await context.close();
});
