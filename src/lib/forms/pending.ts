import type { SubmitFunction } from '@sveltejs/kit';

/**
 * An enhance callback that shows the form as busy until the server answers (the clicked button
 * spins, the others wait) and drops a second submission meanwhile, so a double click acts once.
 * `reset: false` keeps what the form shows (checkboxes drawn from the data, which a reset
 * would clear).
 */
export function pendingWith({ reset = true }: { reset?: boolean } = {}): SubmitFunction {
	return ({ formElement, submitter, cancel }) => {
		if (formElement.getAttribute('aria-busy') === 'true') {
			cancel();
			return;
		}
		formElement.setAttribute('aria-busy', 'true');
		submitter?.classList.add('pending');
		return async ({ update }) => {
			try {
				await update({ reset });
			} finally {
				formElement.removeAttribute('aria-busy');
				submitter?.classList.remove('pending');
			}
		};
	};
}

/** The busy state for a form that starts empty again once sent. */
export const pending = pendingWith();
