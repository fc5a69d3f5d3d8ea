import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { SiteHeader } from "./components/site-header";
import { ToastMessage } from "./components/toast";
import stylesheet from "./styles/app.css?url";
import { getAuth } from "./utils/auth.server";
import { DEFAULT_LANGUAGE } from "./utils/i18n";
import { resolveLanguage } from "./utils/i18n.server";
import { useNonce } from "./utils/nonce";
import { readSessionToken, sessionCookie } from "./utils/session.server";
import { readToast } from "./utils/toast.server";

export const links: LinksFunction = () => [
	{ rel: "stylesheet", href: stylesheet },
	{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
	const { user, session } = await getAuth(request);
	const { toast, clear } = await readToast(request);
	const headers = new Headers();
	// Keep the cookie's expiry in step with the session's, which renews itself.
	const token = readSessionToken(request);
	if (session && token) headers.append("Set-Cookie", sessionCookie(token, session.expiresAt));
	if (clear) headers.append("Set-Cookie", clear);
	return data(
		{
			user: user && { id: user.id, name: user.name, roles: user.roles },
			language: resolveLanguage(request, user),
			toast,
		},
		{ headers },
	);
}

export const meta: MetaFunction = () => [{ title: "DSM Academy" }];

export function Layout({ children }: { children: React.ReactNode }) {
	const rootData = useRouteLoaderData<typeof loader>("root");
	const nonce = useNonce();
	const language = rootData?.language ?? DEFAULT_LANGUAGE;
	return (
		<html lang={language}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="color-scheme" content="light" />
				<Meta />
				<Links />
			</head>
			<body>
				{children}
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	);
}

export default function App() {
	const { user, toast } = useRouteLoaderData<typeof loader>("root")!;
	const { t } = useTranslation();
	return (
		<>
			<a className="skip-link" href="#main">
				{t("nav.skipToContent")}
			</a>
			<SiteHeader user={user} />
			<main id="main" tabIndex={-1}>
				{toast ? <ToastMessage toast={toast} /> : null}
				<Outlet />
			</main>
			<footer className="site-footer">
				<p>{t("footer.about")}</p>
				<nav aria-label={t("glossary.footer")}>
					<a href="/glossary">{t("glossary.link")}</a>
				</nav>
			</footer>
		</>
	);
}

export function ErrorBoundary() {
	const rootData = useRouteLoaderData<typeof loader>("root");
	const { t } = useTranslation();
	return (
		<>
			<a className="skip-link" href="#main">
				{t("nav.skipToContent")}
			</a>
			<SiteHeader user={rootData?.user ?? null} />
			<main id="main" tabIndex={-1}>
				<GeneralErrorBoundary />
			</main>
		</>
	);
}
