/** A store failure whose message is one line that tells the user what to do. */
export class StoreError extends Error {
	override name = 'StoreError';
}
