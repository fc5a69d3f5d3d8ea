/** A workspace's status, derived from its latest submission and its review (ADR 0060). */
export type WorkspaceStatus = "draft" | "submitted" | "returned" | "accepted";

export function statusOf(latest: { review: { outcome: string } | null } | undefined): WorkspaceStatus {
	if (!latest) return "draft";
	if (!latest.review) return "submitted";
	return latest.review.outcome === "accepted" ? "accepted" : "returned";
}
