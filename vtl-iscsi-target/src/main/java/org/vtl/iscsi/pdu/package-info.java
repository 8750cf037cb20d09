/**
 * iSCSI PDU framing and layouts (RFC 7143 clause 11, 13.1 digests, 6.1 text format): {@link
 * org.vtl.iscsi.pdu.PduDecoder} frames the byte stream into {@link org.vtl.iscsi.pdu.Pdu}s without copying
 * payload, {@link org.vtl.iscsi.pdu.PduEncoder} writes them with optional CRC32C digests; control PDUs are
 * records ({@link org.vtl.iscsi.pdu.ControlPdu}), the per-block PDUs flyweights
 * ({@link org.vtl.iscsi.pdu.ScsiCommandHeader}, {@link org.vtl.iscsi.pdu.DataOutHeader}). Pure: no session state.
 */
package org.vtl.iscsi.pdu;
