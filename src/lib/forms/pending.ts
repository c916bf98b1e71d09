import type { SubmitFunction } from '@sveltejs/kit';

/**
 * An enhance callback that shows the form as busy until the server answers (the clicked button
 * spins, the others wait) and drops a second submission meanwhile, so a double click acts once.
 */
export const pending: SubmitFunction = ({ formElement, submitter, cancel }) => {
	if (formElement.getAttribute('aria-busy') === 'true') {
		cancel();
		return;
	}
	formElement.setAttribute('aria-busy', 'true');
	submitter?.classList.add('pending');
	return async ({ update }) => {
		try {
			await update();
		} finally {
			formElement.removeAttribute('aria-busy');
			submitter?.classList.remove('pending');
		}
	};
};
