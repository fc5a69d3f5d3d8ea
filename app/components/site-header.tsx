import { useLocation } from "@remix-run/react";
import { NavItem } from "~/components/nav-item";
import { useClientLinks } from "~/utils/client-links";
import { useTranslation } from "~/utils/i18n";
import { LANGUAGE_NAMES, LANGUAGES } from "~/utils/i18n";
import { hasRole } from "~/utils/roles";

type HeaderUser = { id: string; name: string; roles: string[] } | null;

export function SiteHeader({ user }: { user: HeaderUser }) {
	const { t, language } = useTranslation();
	const location = useLocation();
	const here = location.pathname + location.search;
	const onLinkClick = useClientLinks();
	return (
		<header className="site-header">
			<div className="site-header__inner">
				<a className="brand" href="/">
					DSM Academy
				</a>
				<nav aria-label={t("nav.main")} onClick={onLinkClick}>
					<ul className="nav-list">
						{user ? (
							<>
								<NavItem to="/" end>
									{t("nav.home")}
								</NavItem>
								<NavItem to="/modules">{t("nav.modules")}</NavItem>
								<NavItem to="/tracks">{t("nav.tracks")}</NavItem>
								<NavItem to="/sandbox">{t("sandbox.nav")}</NavItem>
								{hasRole(user, "trainer", "coordinator", "admin") ? (
									<NavItem to="/cohorts">{t("cohorts.nav")}</NavItem>
								) : null}
								{hasRole(user, "assessor", "coordinator", "admin") ? (
									<NavItem to="/assessment">{t("assessment.nav")}</NavItem>
								) : null}
								{hasRole(user, "admin") ? (
									<>
										<NavItem to="/admin/users">{t("nav.users")}</NavItem>
										<NavItem to="/admin/agencies">{t("nav.agencies")}</NavItem>
										<NavItem to="/admin/countries">{t("nav.countries")}</NavItem>
										<NavItem to="/admin/promotions">{t("nav.promotions")}</NavItem>
									</>
								) : null}
								<NavItem to="/settings/profile">{t("nav.profile")}</NavItem>
								<li>
									{/* A whole page load: nothing the client router held for this user stays. */}
									<form method="post" action="/logout">
										<button type="submit" className="link-button">
											{t("nav.logout")}
										</button>
									</form>
								</li>
							</>
						) : (
							<>
								<NavItem to="/login">{t("nav.login")}</NavItem>
								<NavItem to="/signup">{t("nav.signup")}</NavItem>
							</>
						)}
					</ul>
				</nav>
				<form method="post" action="/language" className="language-switcher">
					<input type="hidden" name="redirectTo" value={here} />
					<span className="visually-hidden">{t("nav.language")}</span>
					{LANGUAGES.map((option) => (
						<button
							key={option}
							type="submit"
							name="language"
							value={option}
							lang={option}
							aria-pressed={option === language}
							className="language-switcher__option"
						>
							{LANGUAGE_NAMES[option]}
						</button>
					))}
				</form>
			</div>
		</header>
	);
}
