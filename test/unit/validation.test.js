const v = require('../../dist/nodes/shared/validation');

const passes = (rule, value) => rule(value) === undefined;

test('required rejects empty and blank values only', () => {
	expect(passes(v.required, '')).toBe(false);
	expect(passes(v.required, '   ')).toBe(false);
	expect(passes(v.required, undefined)).toBe(false);
	expect(passes(v.required, null)).toBe(false);
	expect(passes(v.required, 'x')).toBe(true);
	expect(passes(v.required, 0)).toBe(true);
});

test.each([
	['email', v.email, ['buyer@example.com', 'a.b+c@sub.example.ng'], ['buyer', 'buyer@', '@example.com', 'a b@example.com', 'a@b']],
	['guid', v.guid, ['7bc94a21-8833-4d2f-a5e1-9f4b2d8c1e7a', '7BC94A21-8833-4D2F-A5E1-9F4B2D8C1E7A'], ['7bc94a21', '/../x?y#z', '7bc94a21-8833-4d2f-a5e1-9f4b2d8c1e7az']],
	['absoluteUrl', v.absoluteUrl, ['https://shop.example.com/paid', 'http://localhost:8080/x'], ['/paid', 'shop.example.com', 'ftp://example.com', 'javascript:alert(1)']],
	['hexColor', v.hexColor, ['#FF1934', '#1eb626'], ['FF1934', '#FFF', '#GG1934', '#FF19345']],
	['wholeNumber', v.wholeNumber, ['42', '-3', 7], ['4.2', 'x', '1e3']],
	['dateTime', v.dateTime, ['2026-12-31T23:59:00', '2026-12-31'], ['31/12/2026 23:59', 'tomorrow']],
])('%s accepts good values and rejects bad ones, and leaves blanks to `required`', (_name, rule, good, bad) => {
	good.forEach((value) => expect(passes(rule, value)).toBe(true));
	bad.forEach((value) => expect(passes(rule, value)).toBe(false));
	expect(passes(rule, '')).toBe(true);
});

test('maxLength counts characters', () => {
	expect(passes(v.maxLength(5), '12345')).toBe(true);
	expect(passes(v.maxLength(5), '123456')).toBe(false);
	expect(v.maxLength(5)('123456')).toEqual({ problem: 'is longer than 5 characters', fix: 'Shorten it to at most 5 characters.' });
});
