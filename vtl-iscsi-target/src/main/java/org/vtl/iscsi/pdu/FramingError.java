package org.vtl.iscsi.pdu;

/**
 * What {@link PduDecoder} fires instead of a PDU when the byte stream cannot be trusted any more: a declared
 * length over the limit, a malformed AHS or a header digest mismatch (RFC 7143 7.8, 11.2). The decoder has
 * already switched to discarding; the connection handler answers with a Reject if it can and closes.
 *
 * @param reason what was wrong, for the log
 * @param bhs    the offending BHS, for the Reject's data segment (48 bytes)
 */
public record FramingError(String reason, byte[] bhs) {
}
