import {EventEmitter} from 'node:events';
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import type {WorkerMessage} from '../../source/stream/messages.js';
import {waitFor} from './wait-for.js';

/** Key names to the bytes a terminal sends for them. */
export const keys = {
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	tab: '\t',
	shiftTab: '\u001B[Z',
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	ctrlC: '\u0003',
} as const;

/**
 * Renders with a fixed terminal size (ink-testing-library fakes 100 columns
 * and no rows otherwise), presses keys and waits for frames without sleeps.
 */
export function renderSized(
	element: ReactElement,
	{columns = 80, rows = 24} = {},
) {
	const instance = render(element);
	Object.defineProperty(instance.stdout, 'columns', {value: columns});
	Object.defineProperty(instance.stdout, 'rows', {value: rows});
	instance.rerender(element);

	return {
		...instance,
		press(key: string) {
			instance.stdin.write(key);
		},
		async waitForFrame(text: string | RegExp, timeoutMs = 5000) {
			return waitFor(
				() => {
					const frame = instance.lastFrame() ?? '';
					return (
						(typeof text === 'string'
							? frame.includes(text)
							: text.test(frame)) && frame
					);
				},
				{timeoutMs, what: `a frame showing ${String(text)}`},
			);
		},
	};
}

/** Stands in for the worker's side of the ingest client in UI tests. */
export class FakeIngest extends EventEmitter<{message: [WorkerMessage]}> {
	send(message: WorkerMessage) {
		this.emit('message', message);
	}
}
