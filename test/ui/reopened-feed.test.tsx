import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/app.js';
import {lazyReader} from '../../source/modes/lazy-reader.js';
import {createTheme, ThemeContext} from '../../source/theme.js';
import {FakeIngest, renderSized, storeFixture} from '../helpers/render-app.js';

const cleanups: Array<() => void> = [];

afterEach(() => {
	for (const cleanup of cleanups.splice(0)) {
		cleanup();
	}
});

describe('the feed on a reopened database', () => {
	it('lists the stored scores once the monitor can read the file', async () => {
		const store = storeFixture();
		store.write([
			{studentId: 'ann', exam: 1, score: 0.25},
			{studentId: 'bob', exam: 1, score: 0.75},
		]);
		const ingest = new FakeIngest();
		// As the monitor does: the reader opens after the worker's first word.
		const reader = lazyReader(store.file, ingest);
		cleanups.push(() => {
			reader.close();
			store.close();
		});
		const app = renderSized(
			<ThemeContext.Provider value={createTheme({color: false, ascii: false})}>
				<App
					ingest={ingest}
					source="test"
					reader={reader.get}
					onExit={() => undefined}
				/>
			</ThemeContext.Provider>,
		);
		cleanups.push(() => app.unmount());

		ingest.update(2, []);

		const frame = await app.waitForFrame(/bob/);
		expect(frame).toMatch(/bob[\s\S]*ann/);
		expect(frame).not.toContain('no new scores yet');
	});
});
