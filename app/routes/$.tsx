import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/utils/meta";

/**
 * Every address no other route takes. Its 404 is rendered inside the app's layout, so the page
 * has the signed-in user's header, the footer and the user's language, as every other page.
 */
export async function loader() {
	throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export async function action() {
	throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
	return null;
}

export const meta = pageMeta(() => null);

export function ErrorBoundary() {
	return <GeneralErrorBoundary />;
}
