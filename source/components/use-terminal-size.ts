import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

/** The terminal's size, re-read on every resize; props win in tests. */
export function useTerminalSize(columns?: number, rows?: number) {
	const {stdout} = useStdout();
	const [, setResizes] = useState(0);

	useEffect(() => {
		const onResize = () => {
			setResizes((count) => count + 1);
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);

	return {
		columns: columns ?? stdout.columns ?? 80,
		rows: rows ?? stdout.rows ?? 24,
	};
}
