/**
 * A small horizontal bar drawn on the server as SVG: the share of a whole. It is decoration;
 * the number it shows is always written beside it.
 */
export function Bar({ value, max, tone = "brand" }: { value: number; max: number; tone?: "brand" | "ok" | "bad" }) {
	const width = BAR_WIDTH;
	const filled = filledWidth(value, max);
	return (
		<svg
			className={`bar bar--${tone}`}
			viewBox={`0 0 ${width} 10`}
			width={width}
			height={10}
			aria-hidden="true"
			focusable="false"
		>
			<rect className="bar__track" x={0} y={0} width={width} height={10} rx={2} />
			{filled > 0 ? <rect className="bar__fill" x={0} y={0} width={filled} height={10} rx={2} /> : null}
		</svg>
	);
}

/** The bar's width in its own units; the filled part of it for a value out of max. */
export const BAR_WIDTH = 100;
export function filledWidth(value: number, max: number) {
	return max > 0 ? Math.round((Math.min(value, max) / max) * BAR_WIDTH) : 0;
}
