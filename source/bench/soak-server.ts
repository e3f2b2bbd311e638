import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createScoreGenerator} from '../stream/score-generator.js';

/** What the soak server has sent, to check the database against. */
export type SoakLedger = {
	/** Every score id sent with a valid payload (each stored once). */
	validIds: Set<number>;
	/** Ids sent with a payload to reject. */
	badIds: Set<number>;
	/** Events of another type sent. */
	ignoredSends: number;
	faults: Record<Fault, number>;
	highestId: number;
};

type Fault = 'close' | 'error503' | 'stall' | 'replay' | 'reset';
const faultCycle: readonly Fault[] = [
	'close',
	'error503',
	'stall',
	'replay',
	'reset',
];

export type SoakServer = {
	url: string;
	ledger: SoakLedger;
	/** Send no id above those sent so far; gaps are still filled. */
	quiesce(): void;
	close(): Promise<void>;
};

/** Every id that is a multiple of this carries a payload to reject. */
const badEvery = 97;

/**
 * A stream server that breaks on purpose: every connection ends, after a
 * few thousand events, in the next fault of the cycle (a close, a 503 on
 * the next request, a stall, a replay from earlier ids, a reset socket).
 */
export async function startSoakServer(rate: number): Promise<SoakServer> {
	const generator = createScoreGenerator({seed: 11, rosterSize: 50});
	const ledger: SoakLedger = {
		validIds: new Set(),
		badIds: new Set(),
		ignoredSends: 0,
		faults: {close: 0, error503: 0, stall: 0, replay: 0, reset: 0},
		highestId: 0,
	};
	let connections = 0;
	let failNext = false;
	let lastId = Number.POSITIVE_INFINITY;

	const format = (n: number): string => {
		if (n % badEvery === 0) {
			ledger.badIds.add(n);
			return `id: ${n}\nevent: score\ndata: {"studentId":"bad","exam":-1,"score":2}\n\n`;
		}

		ledger.validIds.add(n);
		const {studentId, exam, score} = generator.eventAt(n);
		const data = JSON.stringify({studentId, exam, score});
		return `id: ${n}\nevent: score\ndata: ${data}\n\n`;
	};

	const serve = (request: IncomingMessage, response: ServerResponse) => {
		if (failNext) {
			failNext = false;
			response.writeHead(503).end('deploying\n');
			return;
		}

		connections += 1;
		const fault = faultCycle[connections % faultCycle.length]!;
		const header = request.headers['last-event-id'];
		let next = Number(typeof header === 'string' ? header : '0') + 1;
		if (fault === 'replay') {
			next = Math.max(1, next - 500);
		}

		const budget = 2000 + ((connections * 7919) % 4000);
		let sent = 0;
		response.writeHead(200, {'Content-Type': 'text/event-stream'});
		response.write(': soak\n\n');
		const timer = setInterval(() => {
			let text = '';
			const due = Math.max(1, Math.round(rate / 50));
			for (
				let index = 0;
				index < due && sent < budget && next <= lastId;
				index++
			) {
				text += format(next);
				ledger.highestId = Math.max(ledger.highestId, next);
				next += 1;
				sent += 1;
				if (sent % 1000 === 0) {
					ledger.ignoredSends += 1;
					text += 'event: ping\ndata: {}\n\n';
				}
			}

			response.write(text);
			if (sent < budget) {
				return;
			}

			clearInterval(timer);
			ledger.faults[fault] += 1;
			if (fault === 'stall') {
				return;
			}

			if (fault === 'reset') {
				response.socket?.destroy();
				return;
			}

			failNext = fault === 'error503';
			response.end();
		}, 20);
		response.once('close', () => clearInterval(timer));
	};

	const server = createServer(serve);
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}/scores`,
		ledger,
		quiesce() {
			lastId = ledger.highestId;
		},
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => {
				server.close(resolve);
			});
		},
	};
}
