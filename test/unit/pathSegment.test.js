// The one encoder for IDs in a URL path: one segment, never a path of its own.
const { pathSegment } = require('../../dist/nodes/shared/pathSegment');

test.each(['', '.', '..'])('%j is refused', (id) => {
	expect(pathSegment(id)).toBeUndefined();
});

test.each([
	['42', '42'],
	['a/b', 'a%2Fb'],
	['../x', '..%2Fx'],
	['...', '...'],
	['%2e%2e', '%252e%252e'],
	['a?b#c', 'a%3Fb%23c'],
])('%j is sent as the one segment %j', (id, segment) => {
	expect(pathSegment(id)).toBe(segment);
});
