package org.vtl.scsi;

/**
 * An I_T nexus: one initiator port talking to one target port (SAM-5 4.6). Unit attentions and
 * reservations are kept per nexus.
 *
 * @param initiatorPort the initiator port name, e.g. {@code iqn.1993-08.org.debian:01:abc,i,0x00023d000001}
 * @param targetPort    the target port name, e.g. {@code iqn.2026-11.org.vtl:default,t,0x0001}
 */
public record Nexus(String initiatorPort, String targetPort) {
}
