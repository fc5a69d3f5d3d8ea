import { Form } from "@remix-run/react";

/** One button that posts an intent with a few hidden fields: remove a member, withdraw a link… */
export function ActionForm({
	intent,
	fields,
	label,
}: {
	intent: string;
	fields: Record<string, string>;
	label: string;
}) {
	return (
		<Form method="post">
			<input type="hidden" name="intent" value={intent} />
			{Object.entries(fields).map(([name, value]) => (
				<input key={name} type="hidden" name={name} value={value} />
			))}
			<button type="submit" className="link-button">
				{label}
			</button>
		</Form>
	);
}
