import { getLocale } from '$lib/paraglide/runtime';

/** A calendar day (YYYY-MM-DD) written out in the reader's language. */
export function formatDay(isoDay: string, style: 'medium' | 'long' = 'long'): string {
	return new Date(`${isoDay}T12:00:00`).toLocaleDateString(getLocale(), { dateStyle: style });
}
