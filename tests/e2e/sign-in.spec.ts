import { expect, test } from '@playwright/test';
import { expectAccessible, owner, signIn, submitSignIn } from './support';

test('a wrong password says so, and ten failures lock the email for 15 minutes', async ({ page }, testInfo) => {
	const email = `locked-${testInfo.project.name}@example.org`;
	await submitSignIn(page, owner.email, 'pas le bon mot de passe');
	await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue(owner.email);
	await expectAccessible(page);

	for (let attempt = 1; attempt <= 10; attempt++) {
		await submitSignIn(page, email, `mauvais ${attempt}`);
		await expect(page.getByRole('alert')).toBeVisible();
	}
	await expect(page.getByRole('alert')).toContainText('Trop de tentatives pour cette adresse');
	await submitSignIn(page, email, 'encore une fois');
	await expect(page.getByRole('alert')).toContainText('bloquée jusqu’à');

	// The lock is per email: the owner still gets in.
	await signIn(page, owner.email, owner.password);
	await expect(page).toHaveURL(/\/groups$/);
});
