import { expect, test, type Browser, type Page } from '@playwright/test';
import { createGroup, expectAccessible, owner, signIn } from './support';

test.setTimeout(420_000);

async function joinPhones(browser: Browser, baseURL: string, code: string): Promise<Page[]> {
	const phones: Page[] = [];
	for (let i = 0; i < 5; i++) {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', baseURL });
		const phone = await context.newPage();
		await phone.goto('/j');
		await phone.getByLabel('Code de la séance').fill(code);
		await phone.getByRole('button', { name: 'Rejoindre' }).click();
		await phone.getByRole('button', { name: 'Participer' }).click();
		phones.push(phone);
	}
	return phones;
}

/** Creates and opens a session, joins five phones and opens stage 3; returns the phones. */
async function sessionAtFrame(page: Page, browser: Browser, baseURL: string, groupUrl: string, title: string) {
	await page.goto(`${groupUrl}/sessions`);
	await page.getByLabel('Titre de la séance').fill(title);
	await page.getByRole('button', { name: 'Créer la séance' }).click();
	await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
	const code = (await page.locator('.join strong').nth(1).textContent())!.trim();
	const phones = await joinPhones(browser, baseURL, code);
	for (let stage = 1; stage < 3; stage++) await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	await expect(page.getByRole('heading', { name: 'Pacte en séance' })).toBeVisible();
	return phones;
}

/** Puts a clause to the room, has the phones choose, and closes it. */
async function consentRound(page: Page, phones: Page[], clause: string, choices: string[]) {
	await page
		.locator('li', { hasText: clause })
		.getByRole('button', { name: /Soumettre à la salle/ })
		.click();
	await expect(page.getByText('Soumise à la salle\u00a0:')).toBeVisible();
	for (const [i, phone] of phones.entries()) {
		await expect(phone.getByText(clause)).toBeVisible();
		if (choices[i] === 'Objection')
			await phone.getByLabel(/Une raison, si vous faites objection/).fill('Et les urgences ?');
		await phone.getByRole('button', { name: choices[i]!, exact: true }).click();
		await expect(phone.getByRole('button', { name: choices[i]!, exact: true })).toHaveAttribute('aria-pressed', 'true');
	}
	await expect(page.getByText(`choix reçus\u00a0: ${phones.length}`)).toBeVisible();
	await page.getByRole('button', { name: 'Clore cette clause' }).click();
	await expect(page.getByText('Soumise à la salle\u00a0:')).toBeHidden();
}

test('a pact drafted from the library is consented on phones, adopted, signed, changed and published', async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, owner.email, owner.password);
	const groupUrl = await createGroup(page, 'Conseil alimentaire du Pays');
	await page.goto(`${groupUrl}/pact`);
	await expectAccessible(page);
	for (const [index, [name, kind]] of (
		[
			['Ville de Redon', 'Collectivité'],
			['Les Jardins partagés', 'Association']
		] as const
	).entries()) {
		await page.locator('#new-party').fill(name);
		await page.locator('#new-party-kind').selectOption({ label: kind });
		await page.getByRole('button', { name: 'Ajouter la partie' }).click();
		await expect(page.locator('.parties input[name="name"]').nth(index)).toHaveValue(name);
	}
	await page.getByText('Bibliothèque de clauses').click();
	for (const id of ['decision-consentement', 'duree-trois-ans']) {
		await page.locator(`form:has(input[name="libraryId"][value="${id}"]) button`).click();
		await expect(page.locator(`form:has(input[name="libraryId"][value="${id}"]) button`)).toBeDisabled();
	}
	await expect(page.getByText(/Inspirée de\s: Assises régionales/).first()).toBeVisible();

	const phones = await sessionAtFrame(page, browser, baseURL!, groupUrl, 'Bilan du printemps');
	const decision = 'Nous décidons par consentement';
	const duration = 'Ce pacte vaut pour trois ans';
	await consentRound(page, phones, decision, [
		'Je consens',
		'Je consens',
		'Avec une réserve',
		'Je consens',
		'Objection'
	]);
	await expect(
		page.getByText('consentements\u00a0: 3 · avec réserve\u00a0: 1 · objections\u00a0: 1').first()
	).toBeVisible();
	await expect(page.getByText('Et les urgences ?', { exact: false })).toBeVisible();
	await consentRound(page, phones, duration, ['Je consens', 'Je consens', 'Je consens', 'Je consens', 'Je consens']);

	const sessionUrl = page.url();
	const projectorContext = await browser.newContext({
		viewport: { width: 1920, height: 1080 },
		locale: 'fr-FR',
		baseURL,
		storageState: await page.context().storageState()
	});
	const projector = await projectorContext.newPage();
	await projector.goto(`/present/${sessionUrl.split('/').pop()}`);
	await expect(
		projector.getByText('consentements\u00a0: 3 · avec réserve\u00a0: 1 · objections\u00a0: 1')
	).toBeVisible();
	await expect(projector.getByText('Et les urgences')).toHaveCount(0);
	// The pact's screen fits a projector, a 4:3 one too: nothing cut off at the bottom of the screen.
	for (const viewport of [
		{ width: 1920, height: 1080 },
		{ width: 1024, height: 768 }
	]) {
		await projector.setViewportSize(viewport);
		const cut = await projector.evaluate(() => {
			const main = document.querySelector('main')!;
			return main.scrollHeight - main.clientHeight;
		});
		expect(cut, `${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(1);
	}

	// The objection becomes a recorded disagreement; the group adopts version 1 and two parties sign.
	await page.goto(`${groupUrl}/pact`);
	await page.getByLabel('Consigner le désaccord').fill('Une partie veut pouvoir voter en cas d’urgence.');
	await page.getByRole('button', { name: 'Garder la clause avec ce désaccord' }).click();
	await expect(page.getByText('Désaccord consigné', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Adopter la version' }).click();
	await expect(page.getByRole('link', { name: /versions\s: 1/ })).toBeVisible();
	await page.getByRole('button', { name: 'Ouvrir la page publique' }).click();
	const publicLink = page.getByRole('link', { name: /\/pact\/[a-z2-7]{16,}$/ });
	await expect(publicLink).toBeVisible();
	const publicUrl = (await publicLink.getAttribute('href'))!;

	await page.goto(`${groupUrl}/pact/versions`);
	for (const [party, signatory] of [
		['Ville de Redon', 'Anne Martin'],
		['Les Jardins partagés', 'Karim Benali']
	] as const) {
		const row = page.locator('li', { hasText: party });
		await row.getByLabel('Nom de la ou du signataire').fill(signatory);
		await row.getByLabel('Fonction').fill('Représentant·e');
		await row.getByRole('button', { name: /Enregistrer la signature/ }).click();
		await expect(row.getByText(new RegExp(`signé par ${signatory}`))).toBeVisible();
	}
	await page.getByRole('link', { name: 'Pacte imprimable (A4)' }).click();
	await expect(
		page.getByRole('heading', { name: /Pacte de coopération\s: Conseil alimentaire du Pays/ })
	).toBeVisible();
	await expect(page.getByText('Sources et crédits')).toBeVisible();
	await expectAccessible(page);

	// A later session changes one clause and adopts version 2, which the public page shows.
	await page.goto(sessionUrl);
	await page.getByRole('button', { name: 'Clore la séance' }).click();
	await page.goto(`${groupUrl}/pact`);
	const reworded = 'Ce pacte vaut pour deux ans, puis il est relu en entier.';
	const textarea = page.locator('textarea[name="text"]', { hasText: duration });
	const textareaId = await textarea.getAttribute('id');
	await textarea.fill(reworded);
	await page.locator(`form:has(#${textareaId})`).getByRole('button', { name: 'Enregistrer', exact: true }).click();
	await expect(page.getByText('Enregistré.')).toBeVisible();
	const later = await sessionAtFrame(page, browser, baseURL!, groupUrl, 'Bilan de l’été');
	await expect(page.getByText('Ce qui a changé depuis la version 1')).toBeVisible();
	await consentRound(page, later, reworded, [
		'Je consens',
		'Je consens',
		'Je consens',
		'Je consens',
		'Avec une réserve'
	]);
	await page.goto(`${groupUrl}/pact`);
	await page.getByRole('button', { name: 'Adopter la version' }).click();
	await expect(page.getByRole('link', { name: /versions\s: 2/ })).toBeVisible();

	const visitor = await (await browser.newContext({ locale: 'fr-FR', baseURL })).newPage();
	await visitor.goto(publicUrl);
	await expect(visitor.getByText(/Version 2 · adoptée le/)).toBeVisible();
	await expect(visitor.getByText(reworded)).toBeVisible();
	await expect(visitor.getByText('Et les urgences')).toHaveCount(0);
	await expectAccessible(visitor);
});
