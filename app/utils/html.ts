/**
 * For HTML the app writes as a string rather than through React (the dashboard's tables, an
 * attempt's form, the request guard's refusal page): every text and attribute value goes through
 * here.
 */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
