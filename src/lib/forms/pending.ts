import type { SubmitFunction } from '@sveltejs/kit';

/**
 * An enhance callback that shows the form as busy until the server answers (the clicked button
 * spins, the others wait) and drops a second submission meanwhile, so a double click acts once.
 * `reset: false` keeps what the form shows (checkboxes drawn from the data, which a reset
 * would clear); `onFailure` is told a refusal's message, for a form posting to another page.
 */
export function pendingWith({
	reset = true,
	onFailure
}: { reset?: boolean; onFailure?: (message: string | null) => void } = {}): SubmitFunction {
	return ({ formElement, submitter, cancel }) => {
		if (formElement.getAttribute('aria-busy') === 'true') {
			cancel();
			return;
		}
		formElement.setAttribute('aria-busy', 'true');
		submitter?.classList.add('pending');
		return async ({ result, update }) => {
			try {
				// SvelteKit shows the failure of another page's action nowhere: onFailure gets its
				// message (and null once an answer is not a failure), for the form to show it.
				const data = result.type === 'failure' ? (result.data as { message?: unknown } | undefined) : undefined;
				onFailure?.(typeof data?.message === 'string' ? data.message : null);
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
