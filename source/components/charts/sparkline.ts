/**
 * Scores in [0, 1] as one glyph each, lowest glyph for 0 and highest for 1.
 * When there are more scores than columns, the latest ones are shown.
 */
export function sparkline(
	scores: readonly number[],
	width: number,
	levels: string,
): string {
	const glyphs = [...levels];
	const top = glyphs.length - 1;

	return scores
		.slice(-Math.max(0, width))
		.map((value) => {
			const clamped = Math.min(1, Math.max(0, value));
			return glyphs[Math.round(clamped * top)] ?? '';
		})
		.join('');
}
