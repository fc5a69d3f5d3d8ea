import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";

type ChartSection = { id: string; code: string; level: number | null; target: number | null };

// Drawn small and scaled up: the labels stay readable on a 375 px screen.
const WIDTH = 460;
const LABEL = 88;
const ROW = 30;
const BAR = 20;
const TOP = 28;
const PLOT = WIDTH - LABEL - 44;

/**
 * Readiness per section as horizontal bars on the 1–5 scale, drawn on the server as SVG (no
 * chart library, no script). The table beside it gives the same figures to screen readers and
 * to print; the chart itself is one labelled image.
 */
export function ReadinessChart({ sections }: { sections: ChartSection[] }) {
	const { t } = useTranslation();
	const format = useFormat();
	const x = (level: number) => LABEL + (level / 5) * PLOT;
	const height = TOP + sections.length * ROW + 10;
	return (
		<svg
			className="readiness-chart"
			viewBox={`0 0 ${WIDTH} ${height}`}
			role="img"
			aria-labelledby="readiness-chart-title readiness-chart-desc"
		>
			<title id="readiness-chart-title">{t("assessment.report.chartTitle")}</title>
			<desc id="readiness-chart-desc">{t("assessment.report.chartDesc")}</desc>
			{[0, 1, 2, 3, 4, 5].map((level) => (
				<g key={level}>
					<line x1={x(level)} x2={x(level)} y1={TOP - 6} y2={height - 6} className="readiness-chart__grid" />
					<text x={x(level)} y={TOP - 10} textAnchor="middle" className="readiness-chart__axis">
						{level}
					</text>
				</g>
			))}
			{sections.map((section, index) => {
				const y = TOP + index * ROW;
				return (
					<g key={section.id}>
						<text x={LABEL - 8} y={y + BAR / 2 + 5} textAnchor="end" className="readiness-chart__label">
							{section.code}
						</text>
						{section.level !== null ? (
							<>
								<rect x={x(0)} y={y} width={x(section.level) - x(0)} height={BAR} className="readiness-chart__bar" />
								<text x={x(section.level) + 6} y={y + BAR / 2 + 5} className="readiness-chart__value">
									{format.number(section.level, { minimumFractionDigits: 1 })}
								</text>
							</>
						) : (
							<text x={x(0) + 6} y={y + BAR / 2 + 5} className="readiness-chart__value">
								{t("assessment.report.notRated")}
							</text>
						)}
						{section.target !== null ? (
							<path
								d={`M ${x(section.target)} ${y - 3} l 5 ${BAR / 2 + 3} l -5 ${BAR / 2 + 3} l -5 ${-(BAR / 2 + 3)} z`}
								className="readiness-chart__target"
							/>
						) : null}
					</g>
				);
			})}
		</svg>
	);
}
