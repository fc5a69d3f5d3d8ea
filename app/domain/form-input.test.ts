import { expect, test } from "vitest";
import { toFormInput } from "./form-input";

test("toFormInput keeps every value of a repeated field and leaves files out", () => {
	const data = new FormData();
	data.append("q1", "a");
	data.append("q2", "x");
	data.append("q2", "y");
	data.append("upload", new Blob(["file"]), "file.txt");
	expect(toFormInput(data)).toEqual({ q1: "a", q2: ["x", "y"] });
});
