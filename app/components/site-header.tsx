import { Form, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { LANGUAGE_NAMES, LANGUAGES } from "~/utils/i18n";
import { hasRole } from "~/utils/roles";

type HeaderUser = { id: string; name: string; roles: string[] } | null;

export function SiteHeader({ user }: { user: HeaderUser }) {
	const { t, language } = useTranslation();
	const location = useLocation();
	const here = location.pathname + location.search;
	return (
		<header className="site-header">
			<div className="site-header__inner">
				<a className="brand" href="/">
					DSM Academy
				</a>
				<nav aria-label={t("nav.main")}>
					<ul className="nav-list">
						{user ? (
							<>
								<li>
									<NavLink to="/" end>
										{t("nav.home")}
									</NavLink>
								</li>
								<li>
									<NavLink to="/modules">{t("nav.modules")}</NavLink>
								</li>
								<li>
									<NavLink to="/tracks">{t("nav.tracks")}</NavLink>
								</li>
								<li>
									<NavLink to="/sandbox">{t("sandbox.nav")}</NavLink>
								</li>
								{hasRole(user, "trainer", "coordinator", "admin") ? (
									<li>
										<NavLink to="/cohorts">{t("cohorts.nav")}</NavLink>
									</li>
								) : null}
								{hasRole(user, "assessor", "coordinator", "admin") ? (
									<li>
										<NavLink to="/assessment">{t("assessment.nav")}</NavLink>
									</li>
								) : null}
								{hasRole(user, "admin") ? (
									<>
										<li>
											<NavLink to="/admin/users">{t("nav.users")}</NavLink>
										</li>
										<li>
											<NavLink to="/admin/agencies">{t("nav.agencies")}</NavLink>
										</li>
										<li>
											<NavLink to="/admin/countries">{t("nav.countries")}</NavLink>
										</li>
										<li>
											<NavLink to="/admin/promotions">{t("nav.promotions")}</NavLink>
										</li>
									</>
								) : null}
								<li>
									<NavLink to="/settings/profile">{t("nav.profile")}</NavLink>
								</li>
								<li>
									<Form method="post" action="/logout">
										<button type="submit" className="link-button">
											{t("nav.logout")}
										</button>
									</Form>
								</li>
							</>
						) : (
							<>
								<li>
									<NavLink to="/login">{t("nav.login")}</NavLink>
								</li>
								<li>
									<NavLink to="/signup">{t("nav.signup")}</NavLink>
								</li>
							</>
						)}
					</ul>
				</nav>
				<Form method="post" action="/language" reloadDocument className="language-switcher">
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
				</Form>
			</div>
		</header>
	);
}
