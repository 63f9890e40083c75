import { NodeOperationError, sleep, type INode } from 'n8n-workflow';

/**
 * Thrown by the waits below once a run is stopped: by the user (Stop), or because an item
 * failed without Continue On Fail. Callers let it pass; the runner reports the first error.
 */
export class RunStopped extends Error {
	constructor() {
		super('The run was stopped before this item finished');
	}
}

/** Rejects with RunStopped as soon as `signal` is aborted (never, without a signal). */
function stopOf(signal: AbortSignal | undefined): { promise: Promise<never>; cancel: () => void } {
	let cancel = () => {};
	const promise = new Promise<never>((_, reject) => {
		if (!signal) return;
		if (signal.aborted) return reject(new RunStopped());
		const onAbort = () => reject(new RunStopped());
		signal.addEventListener('abort', onAbort, { once: true });
		cancel = () => signal.removeEventListener('abort', onAbort);
	});
	// A stop nobody waits for any more must not surface as an unhandled rejection.
	promise.catch(() => {});
	return { promise, cancel };
}

/**
 * Waits for `promise`, or ends with RunStopped when `signal` is aborted first. Every wait
 * of the request runner goes through here (Retry-After, the pace's queue, Batching), so
 * Stop ends the node at once instead of after the longest wait.
 */
export async function untilStopped<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return await promise;
	const stop = stopOf(signal);
	try {
		return await Promise.race([promise, stop.promise]);
	} finally {
		stop.cancel();
	}
}

/** `sleep` (n8n's own; node code may not use timers directly) that ends early on `signal`. */
export async function cancellableWait(ms: number, signal: AbortSignal | undefined): Promise<void> {
	if (ms <= 0) {
		if (signal?.aborted) throw new RunStopped();
		return;
	}
	await untilStopped(sleep(ms), signal);
}

/** The node's error for a run the user stopped. */
export function stoppedError(node: INode): NodeOperationError {
	return new NodeOperationError(node, 'The execution was stopped before every item was done');
}
