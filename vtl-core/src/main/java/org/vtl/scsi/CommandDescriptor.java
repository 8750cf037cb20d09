package org.vtl.scsi;

import java.util.Arrays;

/**
 * One command, described once: its dispatch key, CDB layout and usage mask (which bits may be set),
 * data direction, where the CDB keeps its allocation / parameter list length, reservation behaviour,
 * timeouts and handler. The preamble validates against it and REPORT SUPPORTED OPERATION CODES is
 * derived from it (SPC-5 6.35.2 CDB usage data, 6.35.4 command timeouts descriptor).
 *
 * @param opcode          operation code
 * @param serviceAction   service action (byte 1 bits 4-0), or -1 when the opcode has none
 * @param name            the command's name in the standard
 * @param usageMask       CDB usage data: one mask per CDB byte, byte 0 = FFh; its length is the CDB length
 * @param direction       data direction
 * @param transferLength  reads the allocation length (IN) or parameter list length (OUT) from the CDB; or null
 * @param reservation     behaviour under another nexus's reservation
 * @param needsMedium     the preamble checks that the device is ready (medium present) before the handler
 * @param timeoutSeconds  nominal command timeout reported in the command timeouts descriptor
 * @param handler         executes the command
 */
public record CommandDescriptor(int opcode, int serviceAction, String name, byte[] usageMask,
                                DataDirection direction, TransferLength transferLength,
                                ReservationClass reservation, boolean needsMedium, int timeoutSeconds,
                                CommandHandler handler) {

    public int cdbLength() {
        return usageMask.length;
    }

    /** Same command with a different handler (a device type replacing an SPC entry). */
    public CommandDescriptor withHandler(CommandHandler newHandler) {
        return new CommandDescriptor(opcode, serviceAction, name, usageMask, direction, transferLength,
                reservation, needsMedium, timeoutSeconds, newHandler);
    }

    @Override
    public String toString() {
        return String.format("%s(%02Xh%s)", name, opcode, serviceAction < 0 ? "" : "/" + serviceAction);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandDescriptor d && d.opcode == opcode && d.serviceAction == serviceAction
                && Arrays.equals(d.usageMask, usageMask);
    }

    @Override
    public int hashCode() {
        return opcode * 31 + serviceAction;
    }

    /** Starts a descriptor; the usage mask defaults to the opcode byte only (everything else reserved). */
    public static Builder command(int opcode, String name, int cdbLength) {
        return new Builder(opcode, name, cdbLength);
    }

    /** Reads a length field from a CDB. */
    @FunctionalInterface
    public interface TransferLength {
        int read(byte[] cdb);

        /** A big-endian unsigned field of {@code width} bytes at {@code offset}. */
        static TransferLength field(int offset, int width) {
            return switch (width) {
                case 1 -> cdb -> Cdb.u8(cdb, offset);
                case 2 -> cdb -> Cdb.u16(cdb, offset);
                case 3 -> cdb -> Cdb.u24(cdb, offset);
                case 4 -> cdb -> (int) Math.min(Integer.MAX_VALUE, Cdb.u32(cdb, offset));
                default -> throw new IllegalArgumentException("width " + width);
            };
        }
    }

    /** Fluent construction of a descriptor. */
    public static final class Builder {
        private final int opcode;
        private final String name;
        private final byte[] mask;
        private int serviceAction = -1;
        private DataDirection direction = DataDirection.NONE;
        private TransferLength transferLength;
        private ReservationClass reservation = ReservationClass.WRITE;
        private boolean needsMedium;
        private int timeoutSeconds = 60;

        private Builder(int opcode, String name, int cdbLength) {
            this.opcode = opcode;
            this.name = name;
            this.mask = new byte[cdbLength];
            mask[0] = (byte) 0xff;
        }

        /** Service action in byte 1 bits 4-0; its bits join the usage mask. */
        public Builder serviceAction(int sa) {
            this.serviceAction = sa;
            mask[1] |= 0x1f;
            return this;
        }

        /** Usage mask for bytes 1.. (byte 0 is the opcode); the control byte stays 00h. */
        public Builder mask(int... bytes) {
            for (int i = 0; i < bytes.length; i++) {
                mask[i + 1] |= (byte) bytes[i];
            }
            return this;
        }

        public Builder dataIn(TransferLength allocationLength) {
            this.direction = DataDirection.IN;
            this.transferLength = allocationLength;
            return this;
        }

        public Builder dataOut(TransferLength parameterListLength) {
            this.direction = DataDirection.OUT;
            this.transferLength = parameterListLength;
            return this;
        }

        public Builder reservation(ReservationClass value) {
            this.reservation = value;
            return this;
        }

        public Builder needsMedium() {
            this.needsMedium = true;
            return this;
        }

        public Builder timeout(int seconds) {
            this.timeoutSeconds = seconds;
            return this;
        }

        public CommandDescriptor handler(CommandHandler handler) {
            return new CommandDescriptor(opcode, serviceAction, name, mask.clone(), direction, transferLength,
                    reservation, needsMedium, timeoutSeconds, handler);
        }
    }
}
