/**
 * A question's or feedback's text. Shown as text (React escapes it): GIFT
 * files may come from anywhere, and the house content is plain. Line breaks
 * are kept.
 */
export function RichTextView({ text, as: Tag = "span" }: { text: { text: string }; as?: "span" | "p" | "div" }) {
	return <Tag className="rich-text">{text.text}</Tag>;
}
