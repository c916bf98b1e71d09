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

test('the account page shows this browser’s sign-in and asks for the current password first', async ({ page }) => {
	await signIn(page, owner.email, owner.password);
	await page.getByRole('link', { name: 'Mon compte' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte');
	await expect(page.getByText('(ce navigateur)')).toBeVisible();
	await page.getByLabel('Mot de passe actuel').fill('pas le mot de passe actuel');
	await page.getByLabel('Nouveau mot de passe').fill('un nouveau mot de passe');
	await page.getByLabel('Confirmez le mot de passe').fill('un nouveau mot de passe');
	await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
	await expect(page.getByRole('alert')).toHaveText('Le mot de passe actuel n’est pas le bon.');
	await expectAccessible(page);
});
