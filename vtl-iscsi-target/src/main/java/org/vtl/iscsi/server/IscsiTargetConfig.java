package org.vtl.iscsi.server;

import org.vtl.iscsi.login.DigestPolicy;
import org.vtl.iscsi.login.TargetAuth;
import org.vtl.iscsi.login.TargetParameters;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything the iSCSI target needs besides its targets: the portal, the values it negotiates (RFC 7143 13),
 * per-connection limits and timers.
 *
 * @param host                     portal address to bind, e.g. {@code 127.0.0.1} (0.0.0.0 binds all)
 * @param port                     portal TCP port (3260 is iSCSI's)
 * @param portalGroupTag           TargetPortalGroupTag of this portal (1..65535)
 * @param headerDigest             HeaderDigest values accepted
 * @param dataDigest               DataDigest values accepted
 * @param maxRecvDataSegmentLength the largest data segment initiators may send (declared at login)
 * @param maxBurstLength           largest solicited burst (R2T) and Data-In sequence the target accepts
 * @param firstBurstLength         largest unsolicited data per command (immediate + unsolicited Data-Out)
 * @param initialR2T               Yes = no unsolicited Data-Out PDUs
 * @param immediateData            Yes = data may ride in the SCSI Command PDU
 * @param maxOutstandingR2T        R2Ts outstanding per task
 * @param commandWindow            commands a session may have queued (MaxCmdSN - ExpCmdSN + 1 at most)
 * @param maxConnectionMemory      bytes of received data a connection may hold (framing + Data-Out + queued
 *                                 PDUs); the CmdSN window and R2Ts are sized to stay within it
 * @param nopInterval              idle time after which the target pings the initiator with a NOP-In;
 *                                 {@link Duration#ZERO} disables pings
 * @param nopTimeout               how long the target waits for the NOP-Out answer before dropping the connection
 * @param loginTimeout             how long a login may take before the connection is dropped
 * @param discoveryAuth            authentication for discovery sessions
 * @param ioThreads                Netty event loop threads for connections
 */
public record IscsiTargetConfig(String host, int port, int portalGroupTag, DigestPolicy headerDigest,
                                DigestPolicy dataDigest, int maxRecvDataSegmentLength, int maxBurstLength,
                                int firstBurstLength, boolean initialR2T, boolean immediateData,
                                int maxOutstandingR2T, int commandWindow, long maxConnectionMemory,
                                Duration nopInterval, Duration nopTimeout, Duration loginTimeout,
                                TargetAuth discoveryAuth, int ioThreads) {

    public static final int DEFAULT_PORT = 3260;

    public IscsiTargetConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(headerDigest, "headerDigest");
        Objects.requireNonNull(dataDigest, "dataDigest");
        Objects.requireNonNull(nopInterval, "nopInterval");
        Objects.requireNonNull(nopTimeout, "nopTimeout");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(discoveryAuth, "discoveryAuth");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (commandWindow < 1 || commandWindow > 1 << 16) {
            throw new IllegalArgumentException("commandWindow " + commandWindow + " outside 1..65536");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads " + ioThreads);
        }
        long least = (long) maxBurstLength + 2L * maxRecvDataSegmentLength;
        if (maxConnectionMemory < least) {
            throw new IllegalArgumentException("maxConnectionMemory " + maxConnectionMemory
                    + " below MaxBurstLength + 2 * MaxRecvDataSegmentLength = " + least);
        }
        // Validates the negotiable values and their ranges.
        new TargetParameters(headerDigest, dataDigest, maxRecvDataSegmentLength, maxBurstLength, firstBurstLength,
                initialR2T, immediateData, maxOutstandingR2T, 2, 0, portalGroupTag);
    }

    /** Defaults: 127.0.0.1:3260, tag 1, digests optional, 256 KiB segments and bursts, 64 KiB first burst,
     *  ImmediateData=Yes, InitialR2T=Yes, 4 R2Ts, 64 commands, 64 MiB per connection, NOP-In after 15 s. */
    public static IscsiTargetConfig defaults() {
        return new IscsiTargetConfig("127.0.0.1", DEFAULT_PORT, 1, DigestPolicy.OPTIONAL, DigestPolicy.OPTIONAL,
                262_144, 262_144, 65_536, true, true, 4, 64, 64L << 20, Duration.ofSeconds(15),
                Duration.ofSeconds(15), Duration.ofSeconds(30), TargetAuth.none(), 2);
    }

    public IscsiTargetConfig withPortal(String newHost, int newPort) {
        return new IscsiTargetConfig(newHost, newPort, portalGroupTag, headerDigest, dataDigest,
                maxRecvDataSegmentLength, maxBurstLength, firstBurstLength, initialR2T, immediateData,
                maxOutstandingR2T, commandWindow, maxConnectionMemory, nopInterval, nopTimeout, loginTimeout,
                discoveryAuth, ioThreads);
    }

    public IscsiTargetConfig withDigests(DigestPolicy header, DigestPolicy data) {
        return new IscsiTargetConfig(host, port, portalGroupTag, header, data, maxRecvDataSegmentLength,
                maxBurstLength, firstBurstLength, initialR2T, immediateData, maxOutstandingR2T, commandWindow,
                maxConnectionMemory, nopInterval, nopTimeout, loginTimeout, discoveryAuth, ioThreads);
    }

    public IscsiTargetConfig withDataTransfer(int maxRecvSegment, int maxBurst, int firstBurst, boolean r2tFirst,
                                              boolean immediate, int outstandingR2t) {
        return new IscsiTargetConfig(host, port, portalGroupTag, headerDigest, dataDigest, maxRecvSegment, maxBurst,
                firstBurst, r2tFirst, immediate, outstandingR2t, commandWindow, maxConnectionMemory, nopInterval,
                nopTimeout, loginTimeout, discoveryAuth, ioThreads);
    }

    public IscsiTargetConfig withLimits(int window, long connectionMemory) {
        return new IscsiTargetConfig(host, port, portalGroupTag, headerDigest, dataDigest, maxRecvDataSegmentLength,
                maxBurstLength, firstBurstLength, initialR2T, immediateData, maxOutstandingR2T, window,
                connectionMemory, nopInterval, nopTimeout, loginTimeout, discoveryAuth, ioThreads);
    }

    public IscsiTargetConfig withTimers(Duration nop, Duration nopAnswer, Duration login) {
        return new IscsiTargetConfig(host, port, portalGroupTag, headerDigest, dataDigest, maxRecvDataSegmentLength,
                maxBurstLength, firstBurstLength, initialR2T, immediateData, maxOutstandingR2T, commandWindow,
                maxConnectionMemory, nop, nopAnswer, login, discoveryAuth, ioThreads);
    }

    public IscsiTargetConfig withDiscoveryAuth(TargetAuth auth) {
        return new IscsiTargetConfig(host, port, portalGroupTag, headerDigest, dataDigest, maxRecvDataSegmentLength,
                maxBurstLength, firstBurstLength, initialR2T, immediateData, maxOutstandingR2T, commandWindow,
                maxConnectionMemory, nopInterval, nopTimeout, loginTimeout, auth, ioThreads);
    }

    /** The values login negotiates from. */
    public TargetParameters negotiation() {
        return new TargetParameters(headerDigest, dataDigest, maxRecvDataSegmentLength, maxBurstLength,
                firstBurstLength, initialR2T, immediateData, maxOutstandingR2T, 2, 0, portalGroupTag);
    }
}
