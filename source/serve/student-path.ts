import {BadRequest} from './page.js';

const prefix = '/students/';

/**
 * The student id in /students/{id}, decoded exactly once from the raw path.
 * Ids may hold any character, `/` and `%` included, so the id is taken
 * whole from the undecoded path rather than from a router's segment.
 */
export function studentPath(url: string): string {
	const {pathname} = new URL(url);
	const encoded = pathname.slice(prefix.length);
	try {
		return decodeURIComponent(encoded);
	} catch {
		throw new BadRequest(`the student id in ${pathname} is not valid UTF-8`);
	}
}
