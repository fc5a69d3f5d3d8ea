/**
 * The CRC-32 of two byte strings one after the other, from the CRC-32 of each and the second's
 * length, without reading either again: zlib's crc32_combine, for gzip's CRC-32 (RFC 1952). A
 * page's held parts are read once for their CRC, not on every page that sends them
 * (held-content.server.ts).
 *
 * A CRC-32 is the remainder of the message times x^32 modulo the polynomial, in bit-reflected
 * order; appending n bytes multiplies the first message's remainder by x^(8n), then adds the
 * second's. The powers x^(2^k) are squared once below.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
	return (multiply(xToThe8n(lengthB), crcA) ^ crcB) >>> 0;
}

/** The reflected CRC-32 polynomial (0x04C11DB7, bits reversed). */
const POLYNOMIAL = 0xedb88320;

/** a × b modulo the polynomial, both in the reflected order (the top bit is x^0). */
function multiply(a: number, b: number): number {
	let product = 0;
	for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
		if (a & bit) product ^= b;
		b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
	}
	return product >>> 0;
}

/** x^(2^k) modulo the polynomial for k = 0…31; x^(2^k) for larger k repeats with period 32 here. */
const POWERS: number[] = [0x40000000];
for (let k = 1; k < 32; k++) POWERS.push(multiply(POWERS[k - 1]!, POWERS[k - 1]!));

/** x^(8n) modulo the polynomial, from the binary digits of n (8n = n × 2^3). */
function xToThe8n(n: number): number {
	let power = 0x80000000;
	for (let k = 3; n > 0; n = Math.floor(n / 2), k++) if (n % 2) power = multiply(POWERS[k % 32]!, power);
	return power;
}
