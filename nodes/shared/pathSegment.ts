/**
 * An ID as one URL path segment. `.` and `..` are refused: a URL is normalised before it is
 * sent, so they would name the parent path (`/clients/..` is `/`) instead of a record;
 * everything else is encoded, so an ID can never add a segment or a query.
 */
export function pathSegment(id: string): string | undefined {
	if (id === '' || id === '.' || id === '..') return undefined;
	return encodeURIComponent(id);
}
