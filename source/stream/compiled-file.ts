import fs from 'node:fs';
import {fileURLToPath} from 'node:url';

/**
 * The URL of a compiled module beside the caller. Worker threads run
 * compiled JavaScript; under the test runner the caller is loaded from
 * source/, so the build in dist/ is used instead.
 */
export function compiledFile(name: string, callerUrl: string): URL {
	const beside = new URL(name, callerUrl);
	if (fs.existsSync(fileURLToPath(beside))) {
		return beside;
	}

	const relative = fileURLToPath(beside).split('/source/').at(-1) ?? name;
	return new URL(`../../dist/${relative}`, new URL('.', import.meta.url));
}
