import { getLocale } from '$lib/paraglide/runtime';

/** A calendar day (YYYY-MM-DD) written out in the reader's language. */
export function formatDay(isoDay: string, style: 'medium' | 'long' = 'long'): string {
	return new Date(`${isoDay}T12:00:00`).toLocaleDateString(getLocale(), { dateStyle: style });
}

/** A number written the reader's way (3,6 in French, 3.6 in English), with this many decimals. */
export function formatNumber(value: number, decimals = 0): string {
	return value.toLocaleString(getLocale(), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
