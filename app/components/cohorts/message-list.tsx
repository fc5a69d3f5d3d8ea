import { useFormat } from "~/utils/format";

export type CohortMessage = { id: string; body: string; at: string; author: string | null };

/** A cohort's messages, newest first: the day, who wrote, and the text as written. */
export function MessageList({ messages }: { messages: readonly CohortMessage[] }) {
	const format = useFormat();
	return (
		<ul className="messages">
			{messages.map((message) => (
				<li key={message.id}>
					<p className="messages__meta">
						{format.day(message.at)}
						{message.author ? ` · ${message.author}` : null}
					</p>
					<p className="rich-text">{message.body}</p>
				</li>
			))}
		</ul>
	);
}
