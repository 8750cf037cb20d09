package org.vtl.scsi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * A device type's commands: opcode (and service action) to {@link CommandDescriptor}. Built from
 * SPC's table plus the device type's own entries; an entry for the same key replaces the earlier one
 * (tgt {@code ssc_template}, LIO {@code tcm_supported_opcodes}). Lookup failure is INVALID COMMAND
 * OPERATION CODE, or INVALID FIELD IN CDB for an unknown service action (SPC-5 4.5.2).
 */
public final class CommandTable {

    private final CommandDescriptor[] byOpcode = new CommandDescriptor[256];
    private final TreeMap<Integer, CommandDescriptor>[] byServiceAction;
    private final List<CommandDescriptor> all;

    @SuppressWarnings("unchecked")
    private CommandTable(TreeMap<Integer, CommandDescriptor> entries) {
        byServiceAction = new TreeMap[256];
        for (CommandDescriptor d : entries.values()) {
            if (d.serviceAction() < 0) {
                byOpcode[d.opcode()] = d;
            } else {
                if (byServiceAction[d.opcode()] == null) {
                    byServiceAction[d.opcode()] = new TreeMap<>();
                }
                byServiceAction[d.opcode()].put(d.serviceAction(), d);
            }
        }
        List<CommandDescriptor> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparingInt(CommandDescriptor::opcode)
                .thenComparingInt(CommandDescriptor::serviceAction));
        all = Collections.unmodifiableList(list);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The descriptor for this CDB, or a {@link ScsiException} with the sense SPC-5 prescribes. */
    public CommandDescriptor lookup(byte[] cdb) {
        int opcode = cdb[0] & 0xff;
        CommandDescriptor d = byOpcode[opcode];
        if (d != null) {
            return d;
        }
        TreeMap<Integer, CommandDescriptor> actions = byServiceAction[opcode];
        if (actions == null) {
            throw ScsiException.of(SenseCode.INVALID_COMMAND_OPERATION_CODE);
        }
        CommandDescriptor sa = actions.get(Cdb.u8(cdb, 1) & 0x1f);
        if (sa == null) {
            throw ScsiException.invalidCdbField(1, 4);
        }
        return sa;
    }

    /** The command for an opcode without service actions, or null. */
    public CommandDescriptor find(int opcode) {
        return byOpcode[opcode & 0xff];
    }

    /** The command for an opcode and service action, or null. */
    public CommandDescriptor find(int opcode, int serviceAction) {
        TreeMap<Integer, CommandDescriptor> actions = byServiceAction[opcode & 0xff];
        return actions == null ? null : actions.get(serviceAction);
    }

    /** True if the opcode dispatches by service action. */
    public boolean hasServiceActions(int opcode) {
        return byServiceAction[opcode & 0xff] != null;
    }

    /** Every command, by opcode then service action. */
    public List<CommandDescriptor> all() {
        return all;
    }

    /** Collects descriptors; a later one with the same opcode and service action replaces the earlier. */
    public static final class Builder {
        private final TreeMap<Integer, CommandDescriptor> entries = new TreeMap<>();

        public Builder put(CommandDescriptor d) {
            entries.put(d.opcode() << 8 | (d.serviceAction() + 1), d);
            return this;
        }

        public Builder remove(int opcode, int serviceAction) {
            entries.remove(opcode << 8 | (serviceAction + 1));
            return this;
        }

        public CommandTable build() {
            return new CommandTable(entries);
        }
    }
}
