// Fast checks of single operations: what a field change does to the request, how an
// answer becomes items, which input errors stop an item. Seconds, without n8n.
import { Apipagos } from '../../nodes/Apipagos/Apipagos.node';
import { AtaraPay } from '../../nodes/AtaraPay/AtaraPay.node';
import { Fatora } from '../../nodes/Fatora/Fatora.node';
import { Instantpay } from '../../nodes/Instantpay/Instantpay.node';
import { operation } from './operation';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('AtaraPay Project → Update', () => {
	const update = (projectId: string, projectName: string) =>
		operation(new AtaraPay(), { resource: 'project', operation: 'update', projectId: byId(projectId), projectName, description: 'D' });

	test('sends the ID in the path, encoded, and the fields at their wire names', async () => {
		const request = await update('12/x', 'Renamed').request();

		expect(request).toMatchObject({
			method: 'PUT',
			url: '/api/project/updateProject/12%2Fx',
			body: { project_id: '12/x', project_name: 'Renamed', description: 'D' },
		});
	});

	test('an empty name stops the item, naming the field and the item', async () => {
		await expect(update('12', ' ').request()).rejects.toThrow('"Project Name" is empty [item 0]');
	});

	test('an error AtaraPay answers with HTTP 200 carries its message', async () => {
		await expect(update('12', 'N').answer({ status: 'error', message: 'Project with id (12) does not exist' })).rejects.toThrow(
			'AtaraPay: Project with id (12) does not exist',
		);
	});
});

describe('Apipagos Contract → Update', () => {
	const update = (updateFields: Record<string, unknown>, timeZone?: string) =>
		operation(new Apipagos(), { resource: 'contract', operation: 'update', contractCode: 'c0de', updateFields }, timeZone);

	test('whole numbers are sent as JSON integers', async () => {
		const { body } = await update({ statusCode: '2', userIdSrc: '123' }).request();

		expect(body).toEqual({ status_code: 2, user_id_src: 123 });
	});

	test("a time with an offset is sent in the workflow's time zone, without a zone", async () => {
		const { body } = await update({ expiredAt: '2026-12-31T23:59:00Z' }, 'America/Argentina/Buenos_Aires').request();

		expect(body).toEqual({ expired_at: '2026-12-31T20:59:00' });
	});

	test('an empty field is not sent; null (what {{ null }} gives) is sent as null, not converted', async () => {
		const { body } = await update({ statusCode: '', title: ' ', userIdSrc: null }).request();

		expect(body).toEqual({ user_id_src: null });
	});

	test('a status code that is not a whole number stops the item', async () => {
		await expect(update({ statusCode: '1.5' }).request()).rejects.toThrow('"Status Code" is not a whole number [item 0]');
	});
});

describe('Instantpay Contact → Update', () => {
	const update = (tagIds: unknown) =>
		operation(new Instantpay(), {
			resource: 'contact',
			operation: 'update',
			contactId: byId('645b283b9b2e242ec80d0b01'),
			name: 'N',
			email: 'n@example.com',
			mobile: '9',
			tagIds,
		} as never);

	test('tags given as comma-separated text are sent as tagDetails', async () => {
		const { body } = await update('a1, b2').request();

		expect(body).toMatchObject({ tagDetails: [{ tagId: 'a1' }, { tagId: 'b2' }] });
		expect(body).not.toHaveProperty('tagIds');
	});

	test('no tag stops the item under the field’s own label', async () => {
		await expect(update([]).request()).rejects.toThrow('"Tag Names or IDs" has no tag [item 0]');
	});

	test('any statuscode but TXN is an error, with Instantpay’s text and code', async () => {
		await expect(update(['a1']).answer({ statuscode: 'IAC', status: 'Invalid Dealer Credentials' })).rejects.toThrow(
			'Instantpay: Invalid Dealer Credentials (IAC)',
		);
	});
});

describe('Fatora Client → Get', () => {
	const get = operation(new Fatora(), { resource: 'client', operation: 'get', clientId: byId('1024') });

	test('outputs the client, wrapped or flat', async () => {
		expect(await get.answer({ status: 'SUCCESS', client: { id: 1024, name: 'A' } })).toEqual([{ id: 1024, name: 'A' }]);
		expect(await get.answer({ status: 'SUCCESS', id: 1024, name: 'A' })).toEqual([{ id: 1024, name: 'A' }]);
	});

	test('an error object is one readable line', async () => {
		await expect(get.answer({ status: 'ERROR', error: { message: 'Not found', client_id: 'unknown' } }, 404)).rejects.toThrow(
			'Fatora: Not found; client_id: unknown',
		);
	});
});
