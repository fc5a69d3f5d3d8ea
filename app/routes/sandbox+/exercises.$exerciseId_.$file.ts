import type { LoaderFunctionArgs } from "@remix-run/node";
import { exerciseById, exerciseFiles } from "~/domain/sandbox/exercises";
import { requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { download } from "~/utils/download.server";

/** A raw source file of the trainee's compile exercise, generated again from the workspace's stored seed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const exercise = exerciseById(params.exerciseId);
	const workspace = exercise
		? await prisma.sandboxWorkspace.findFirst({
				where: { ownerId: user.id, kind: exercise.kind, exerciseId: exercise.id },
				select: { seed: true },
			})
		: null;
	const text =
		exercise && workspace?.seed != null ? exerciseFiles(exercise, workspace.seed)[params.file ?? ""] : undefined;
	if (text === undefined) throw new Response("Not found", { status: 404, statusText: "Not Found" });
	return download(text, "text/csv; charset=utf-8", params.file ?? "source.csv");
}
