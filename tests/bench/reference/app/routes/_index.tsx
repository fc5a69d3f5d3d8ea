import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Reference" }];

export function loader() {
	return { message: "A bare Remix page: one route through a root layout, with a loader." };
}

export default function Index() {
	const { message } = useLoaderData<typeof loader>();
	return (
		<main>
			<h1>Reference</h1>
			<p>{message}</p>
		</main>
	);
}
