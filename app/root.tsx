import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { LanguageProvider, useTranslation } from "~/utils/i18n";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { SiteHeader } from "./components/site-header";
import { ToastMessage } from "./components/toast";
import stylesheet from "./styles/app.css?url";
import { getAuth } from "./utils/auth.server";
import { loadCatalogue } from "./utils/i18n.client";
import { resolveLanguage } from "./utils/i18n.server";
import { pageMeta } from "./utils/meta";
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

/**
 * In the browser, the root's data comes through here: when it brings another language (a
 * Russian user has just logged in on an English page), that catalogue is loaded before the
 * page renders, so the whole page changes language at once, as after a reload.
 */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
	const rootData = await serverLoader<typeof loader>();
	await loadCatalogue(rootData.language);
	return rootData;
}

export const meta = pageMeta(() => null);

export function Layout({ children }: { children: React.ReactNode }) {
	const rootData = useRouteLoaderData<typeof loader>("root");
	return (
		<LanguageProvider language={rootData?.language}>
			<Document>{children}</Document>
		</LanguageProvider>
	);
}

/** The page in the language the root loader resolved (or, on an error before it ran, the request's). */
function Document({ children }: { children: React.ReactNode }) {
	const nonce = useNonce();
	const { language } = useTranslation();
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
	return (
		<Page user={user}>
			{toast ? <ToastMessage toast={toast} /> : null}
			<Outlet />
		</Page>
	);
}

export function ErrorBoundary() {
	const rootData = useRouteLoaderData<typeof loader>("root");
	return (
		<Page user={rootData?.user ?? null}>
			<GeneralErrorBoundary />
		</Page>
	);
}

/** What every page has around its content, error pages too: the header, the main landmark, the footer. */
function Page({ user, children }: { user: Parameters<typeof SiteHeader>[0]["user"]; children: React.ReactNode }) {
	const { t } = useTranslation();
	return (
		<>
			<a className="skip-link" href="#main">
				{t("nav.skipToContent")}
			</a>
			<SiteHeader user={user} />
			<main id="main" tabIndex={-1}>
				{children}
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
