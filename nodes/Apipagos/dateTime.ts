import type { Convert, Rule } from '../shared/validation';

// Apipagos takes dates as local wall-clock time without a zone ("2024-12-31T23:59:59" in
// the docs) and does not say which zone it means. The node sends the time as written
// when it has no offset, and converts a time with an offset or Z to the same instant in
// the workflow's time zone, so the digits Apipagos gets never silently differ from
// what the user meant in that zone.
const isoLike =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** `value` as Apipagos' `YYYY-MM-DDTHH:mm:ss` in `timeZone`, or undefined when it is not a date. */
export function toApipagosDateTime(value: unknown, timeZone: string): string | undefined {
	const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	const match = isoLike.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour = '00', minute = '00', second = '00', zone] = match;
	const wallClock = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
	// Date.UTC rolls over impossible dates (2026-02-30); a real date reads back the same.
	const asUtc = new Date(`${wallClock}Z`);
	if (Number.isNaN(asUtc.getTime()) || asUtc.toISOString().slice(0, 19) !== wallClock) return undefined;
	if (!zone) return wallClock;

	const instant = new Date(`${wallClock}${zone.toUpperCase() === 'Z' ? 'Z' : normalizeOffset(zone)}`);
	if (Number.isNaN(instant.getTime())) return undefined;
	return inTimeZone(instant, timeZone);
}

export const apipagosDateTime: Rule = (value) =>
	value === undefined || value === null || String(value).trim() === '' || toApipagosDateTime(value, 'UTC')
		? undefined
		: {
				problem: 'is not a valid date and time',
				fix: 'Enter a date and time such as 2026-12-31T23:59:59, or pick one in the date picker.',
			};

/** The value in Apipagos' date format, in the workflow's time zone. */
export const toWorkflowDateTime: Convert = (value, context) => toApipagosDateTime(value, context.getTimezone());

function normalizeOffset(zone: string): string {
	const digits = zone.replace(':', '');
	return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function inTimeZone(instant: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(instant);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
	return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}
