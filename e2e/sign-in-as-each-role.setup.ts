// Signs in once per role (and per province X/Y for the authorisation matrix) through the real forms, supervisors and
// the administrator with their TOTP second factor, and saves each signed-in state for the role specs.
import { expect, test as setup } from '@playwright/test';
import { signInAsCitizen, signInAsStaff, STORAGE_STATE } from './helpers/sign-in';

const staff = [
  { username: 'reviewer-ah-1', home: '/review', file: STORAGE_STATE.reviewer },
  { username: 'reviewer-ha-1', home: '/review', file: STORAGE_STATE.reviewerY },
  { username: 'supervisor-ah', home: '/supervise', file: STORAGE_STATE.supervisor },
  { username: 'supervisor-ha', home: '/supervise', file: STORAGE_STATE.supervisorY },
  { username: 'supervisor-national', home: '/supervise', file: STORAGE_STATE.nationalSupervisor },
  { username: 'admin', home: '/admin', file: STORAGE_STATE.admin },
];

for (const member of staff) {
  setup(`sign in as ${member.username}`, async ({ page }) => {
    await signInAsStaff(page, member.username);
    await expect(page).toHaveURL(member.home);
    await page.context().storageState({ path: member.file });
  });
}

const citizens = [
  { mobile: '13800000001', file: STORAGE_STATE.citizen },
  { mobile: '13800000003', file: STORAGE_STATE.citizenB },
];

for (const citizen of citizens) {
  setup(`sign in as citizen ${citizen.mobile}`, async ({ page }) => {
    await signInAsCitizen(page, citizen.mobile);
    await expect(page).toHaveURL('/my-cases');
    await page.context().storageState({ path: citizen.file });
  });
}
