import { Writable } from "node:stream";

/**
 * The stream React's renderer writes a page into (entry.server.tsx): the page is kept whole in
 * memory, and `done` gets its bytes once React has ended the stream (docs/decisions/0092).
 */
export function pageCollector(done: (page: Buffer) => void): Writable {
	const chunks: Buffer[] = [];
	const body = new Writable({
		// No "close" after "finish": React takes a close as the reader gone, and aborts the finished
		// render, ending the stream a second time (an error object built and thrown away per page).
		emitClose: false,
		write(chunk: Buffer, _encoding, callback) {
			chunks.push(chunk);
			callback();
		},
	});
	body.on("finish", () => done(Buffer.concat(chunks)));
	return body;
}
