import { Link } from "@remix-run/react";
import { NavItem } from "~/components/nav-item";
import { useClientLinks } from "~/utils/client-links";
import type { CohortHeading } from "~/utils/cohorts.server";
import { useFormat } from "~/utils/format";
import { useTranslation } from "~/utils/i18n";

export type CohortTab = "dashboard" | "members" | "marking" | "settings";

/** A cohort page's heading: its name, what it is, and the cohort's pages (managing ones for those who may). */
export function CohortHeader({
	cohort,
	title,
	toMark,
}: {
	cohort: CohortHeading;
	/** The page's own heading, below the cohort's name; the dashboard has none. */
	title?: string;
	toMark?: number;
}) {
	const { t } = useTranslation();
	const format = useFormat();
	const base = `/cohorts/${cohort.id}`;
	const onLinkClick = useClientLinks();
	return (
		<header className="cohort-header">
			<p className="eyebrow">
				<Link to="/cohorts">{t("cohorts.list.title")}</Link>
			</p>
			{title ? (
				<>
					<p className="cohort-header__name">{cohort.name}</p>
					<h1>{title}</h1>
				</>
			) : (
				<h1>{cohort.name}</h1>
			)}
			<p className="cohort-header__facts">
				<span>{cohort.country}</span>
				<span>
					{cohort.endsOn
						? t("cohorts.heading.dates", { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })
						: t("cohorts.heading.from", { start: format.day(cohort.startsOn) })}
				</span>
				<span>
					{cohort.trackTitle
						? t("cohorts.heading.track", { track: cohort.trackTitle })
						: t("cohorts.heading.ownModules")}
				</span>
				<span>{t("cohorts.heading.trainers", { names: cohort.trainers.join(", ") || "—" })}</span>
				{cohort.archived ? <strong className="tag tag--archived">{t("cohorts.heading.archived")}</strong> : null}
				{!cohort.canManage ? <strong className="tag">{t("cohorts.heading.readOnly")}</strong> : null}
			</p>
			<nav aria-label={t("cohorts.heading.pages")} onClick={onLinkClick}>
				<ul className="tabs">
					<NavItem to={base} end>
						{t("cohorts.tabs.dashboard")}
					</NavItem>
					{cohort.canManage ? (
						<>
							<NavItem to={`${base}/members`}>{t("cohorts.tabs.members")}</NavItem>
							<NavItem to={`${base}/marking`}>
								{toMark ? t("cohorts.tabs.markingCount", { count: toMark }) : t("cohorts.tabs.marking")}
							</NavItem>
							<NavItem to={`${base}/settings`}>{t("cohorts.tabs.settings")}</NavItem>
						</>
					) : null}
				</ul>
			</nav>
		</header>
	);
}
