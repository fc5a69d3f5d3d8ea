import { data } from "@remix-run/node";
import { joinWithCode } from "./cohorts.server";
import { redirectWithToast } from "./toast.server";

/** Joins with a typed code and goes home, or answers 400 with the reason beside the code field (/join and /join/CODE). */
export async function joinResponse(userId: string, code: string) {
	const result = await joinWithCode(userId, code);
	if (!result.ok) {
		return data(
			{ success: false as const, errors: { code: [`join.errors.${result.reason}`] }, values: { code } },
			{ status: 400 },
		);
	}
	return redirectWithToast("/", { kind: "success", key: "join.joined", values: { name: result.name } });
}
