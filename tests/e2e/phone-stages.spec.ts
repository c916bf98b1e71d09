import { expect, test, type Route } from '@playwright/test';
import { openSession } from './support';

test('what a phone is told belongs to its stage; a send after the close is refused on the page', async ({
	page,
	browser,
	baseURL
}) => {
	const code = await openSession(page, 'Réseau des retards', 'Séance aux retards');
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', baseURL });
	const phone = await context.newPage();
	await phone.goto(`/j/${code}`);
	await phone.getByRole('button', { name: 'Participer' }).click();
	await phone.locator('input[name="availability"][value="4"]').check();
	await phone.getByRole('button', { name: 'Envoyer' }).click();
	await expect(phone.getByText('C’est enregistré.')).toBeVisible();

	// The next stage's form is new: nothing is saved there yet.
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await page.getByRole('button', { name: 'Ouvrir l’activité' }).click();
	await expect(phone.getByRole('heading', { name: 'Se mettre en lien' })).toBeVisible();
	await expect(phone.getByText('C’est enregistré.')).toHaveCount(0);

	// The facilitator closes the activity while the phone, slow to reload, still shows its form. The
	// heading shows from the stage's first reload, the form only from the one after the opening
	// (phones spread their reloads over 1.5 s): wait for the form before cutting the reloads.
	await expect(phone.getByLabel(/Votre prénom/)).toBeVisible();
	// Its reloads hang, as on a slow wifi, rather than fail: a failed one would put the error page
	// in the form's place (saying the connection is lost) before the send this test is about.
	const hanging: Route[] = [];
	let hang = true;
	await phone.route('**/__data.json*', (route) => (hang ? void hanging.push(route) : route.fallback()));
	await phone.getByLabel(/Votre prénom/).fill('Personne en retard');
	await page.getByRole('button', { name: 'Clore l’activité' }).click();
	await expect(page.getByRole('button', { name: 'Ouvrir l’activité' })).toBeVisible();
	await phone.getByRole('button', { name: 'Envoyer' }).click();
	await expect(phone.getByText('Cette activité n’est pas ouverte en ce moment')).toBeVisible();
	await expect(phone.getByRole('heading', { name: 'Se mettre en lien' })).toBeVisible();
	await expect(phone.getByText('C’est enregistré.')).toHaveCount(0);

	// The close's reload went out (within 1.5 s) and hangs; once it goes through, the phone follows
	// the session again. Released before the route is removed, which would otherwise handle them.
	await expect.poll(() => hanging.length).toBeGreaterThan(0);
	hang = false;
	for (const route of hanging.splice(0)) await route.continue();
	await phone.unroute('**/__data.json*');
	await expect(phone.getByText('Cette activité est close')).toBeVisible({ timeout: 10_000 });
	await page.getByRole('button', { name: /Temps suivant/ }).click();
	await expect(phone.getByRole('heading', { name: 'Poser le cadre' })).toBeVisible();
	await context.close();
});
