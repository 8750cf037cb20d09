package org.vtl.scsi.spc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.CommandDescriptor;
import org.vtl.scsi.CommandTable;
import org.vtl.scsi.DataDirection;
import org.vtl.scsi.LogicalUnit;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.Nexus;
import org.vtl.scsi.Payload;
import org.vtl.scsi.ScsiCommand;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.ScsiResponse;
import org.vtl.scsi.ScsiStatus;
import org.vtl.scsi.ScsiTask;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.SenseData;
import org.vtl.scsi.SenseEncoder;
import org.vtl.scsi.SerialExecutor;
import org.vtl.scsi.SlicedPayload;
import org.vtl.scsi.TaskManagementFunction;
import org.vtl.scsi.TaskManagementResponse;

/**
 * The device server of one logical unit: runs every command through one preamble, in order, on its
 * own serial queue (tgt {@code scsi_cmd_perform}; SAM-5 5.14 unit attention, SPC-5 5.14 reservations,
 * SPC-5 4.5.2 CDB validation). Device types (tape drive, media changer) add their commands, pages and
 * readiness to the SPC base; they replace SPC entries in the table, they never override the preamble.
 *
 * <p>Preamble order: control byte, LUN, unit attention, table lookup (INVALID COMMAND OPERATION CODE),
 * reservation, usage mask (INVALID FIELD IN CDB with field pointer), transfer length (a parameter list shorter
 * than the CDB declares is PARAMETER LIST LENGTH ERROR), medium readiness, handler, truncation to the
 * allocation length. Anything thrown that is not a {@link ScsiException} becomes
 * HARDWARE ERROR, INTERNAL TARGET FAILURE, logged once; nothing escapes.
 */
public abstract class SpcLogicalUnit implements LogicalUnit {

    private static final Logger LOG = LoggerFactory.getLogger(SpcLogicalUnit.class);

    private final String name;
    private final long lun;
    private final LunInventory lunInventory;
    private final SerialExecutor queue;
    private final UnitAttentions unitAttentions = new UnitAttentions();
    private final Reservations reservations = new Reservations();
    private final Set<Nexus> preventing = ConcurrentHashMap.newKeySet();
    private final Set<PendingCommand> pending = ConcurrentHashMap.newKeySet();
    private final List<ModePage> modePages = new ArrayList<>();
    private final List<LogPage> logPages = new ArrayList<>();
    private final List<VpdPage> vpdPages = new ArrayList<>();
    /** Held while a command runs; other components (the changer moving media) take it too. */
    protected final ReentrantLock stateLock = new ReentrantLock();
    private volatile CommandTable commands;
    private final ModePage control;

    protected SpcLogicalUnit(String name, long lun, LunInventory lunInventory, Executor executor) {
        this.name = name;
        this.lun = lun;
        this.lunInventory = lunInventory;
        this.queue = new SerialExecutor(executor);
        this.control = SpcPages.controlPage();
        modePages.add(control);
        modePages.add(SpcPages.informationalExceptionsPage());
        logPages.add(SpcPages.supportedLogPages(logPages));
        vpdPages.add(SpcPages.supportedVpdPages(vpdPages));
    }

    /** Sets the command table; called once by the device type's constructor. */
    protected final void install(CommandTable table) {
        this.commands = table;
    }

    public final CommandTable commands() {
        return commands;
    }

    public abstract InquiryData inquiryData();

    @Override
    public final int peripheralDeviceType() {
        return inquiryData().peripheralDeviceType();
    }

    public final String name() {
        return name;
    }

    public final long lun() {
        return lun;
    }

    public final LunInventory lunInventory() {
        return lunInventory;
    }

    public final UnitAttentions unitAttentions() {
        return unitAttentions;
    }

    public final Reservations reservations() {
        return reservations;
    }

    public final List<ModePage> modePages() {
        return modePages;
    }

    public final List<LogPage> logPages() {
        return logPages;
    }

    public final List<VpdPage> vpdPages() {
        return vpdPages;
    }

    /** D_SENSE of the control mode page: descriptor-format sense. */
    public final boolean descriptorSense() {
        return (control.current()[2] & 0x04) != 0;
    }

    /** PREVENT ALLOW MEDIUM REMOVAL state: true while any nexus prevents removal (SPC-5 6.13). */
    public final boolean mediumRemovalPrevented() {
        return !preventing.isEmpty();
    }

    final void setPrevent(Nexus nexus, boolean prevent) {
        if (prevent) {
            preventing.add(nexus);
        } else {
            preventing.remove(nexus);
        }
    }

    /** Throws NOT READY when the device cannot access its medium (a tape drive without cartridge). */
    protected void checkReady() {
    }

    /** The sense REQUEST SENSE reports when no unit attention is pending; null means NO SENSE. */
    protected SenseData deviceSense() {
        return null;
    }

    /** MODE SENSE header MEDIUM TYPE. */
    protected int mediumType() {
        return 0;
    }

    /** MODE SENSE header DEVICE-SPECIFIC PARAMETER (tape: WP, BUFFERED MODE, SPEED; SSC-5 8.3.2). */
    protected int deviceSpecificParameter() {
        return 0;
    }

    /** The 8-byte short block descriptor, or null when the device type has none (SMC). */
    protected byte[] blockDescriptor() {
        return null;
    }

    /** MODE SELECT header DEVICE-SPECIFIC PARAMETER; {@code offset} is its place for the field pointer. */
    protected void selectDeviceSpecific(int value, int offset) {
        if (value != 0) {
            throw ScsiException.invalidParameterField(offset, -1);
        }
    }

    /** MODE SELECT block descriptor at {@code offset} of {@code parameters}. */
    protected void selectBlockDescriptor(byte[] parameters, int offset) {
        throw ScsiException.invalidParameterField(offset, -1);
    }

    /** Called after a logical unit reset has cleared the SPC state. */
    protected void onReset() {
    }

    @Override
    public final CompletionStage<ScsiResponse> execute(ScsiCommand command) {
        PendingCommand p = new PendingCommand(command);
        pending.add(p);
        try {
            queue.execute(() -> {
                pending.remove(p);
                p.future.complete(p.aborted ? abortedResponse(command) : process(command));
            });
        } catch (RuntimeException e) { // the executor is shut down: the logical unit cannot take commands
            pending.remove(p);
            command.dataOut().release();
            p.future.complete(ScsiResponse.status(ScsiStatus.BUSY));
        }
        return p.future;
    }

    private static ScsiResponse abortedResponse(ScsiCommand command) {
        command.dataOut().release();
        return ScsiResponse.status(ScsiStatus.TASK_ABORTED);
    }

    /** Runs one command through the preamble on the caller's thread. Never throws. */
    public final ScsiResponse process(ScsiCommand command) {
        ScsiTask task = null;
        stateLock.lock();
        try {
            byte[] cdb = command.cdb();
            if (cdb.length == 0) {
                throw ScsiException.of(SenseCode.INVALID_COMMAND_OPERATION_CODE);
            }
            checkControlByte(cdb);
            if (command.lun() != lun) {
                throw ScsiException.of(SenseCode.LOGICAL_UNIT_NOT_SUPPORTED);
            }
            int opcode = cdb[0] & 0xff;
            if (opcode != 0x12 && opcode != 0xA0 && opcode != 0x03) {
                SenseCode attention = unitAttentions.poll(command.nexus());
                if (attention != null) {
                    throw ScsiException.of(attention);
                }
            }
            CommandDescriptor d = commands.lookup(cdb);
            task = new ScsiTask(command, d);
            if (reservations.conflicts(command.nexus(), d.reservation())) {
                return ScsiResponse.status(ScsiStatus.RESERVATION_CONFLICT);
            }
            checkUsageMask(cdb, d);
            if (d.direction() == DataDirection.OUT && d.transferLength() != null
                    && command.dataOut().length() < task.transferLength()) {
                throw ScsiException.of(SenseCode.PARAMETER_LIST_LENGTH_ERROR); // less Data-Out than the CDB declares
            }
            if (d.needsMedium()) {
                checkReady();
            }
            ScsiResponse r = d.handler().handle(task);
            return truncate(r, limit(command, d, task));
        } catch (ScsiException e) {
            Payload data = e.dataIn();
            if (task != null && data.length() > 0) {
                data = truncate(data, limit(command, task.descriptor(), task));
            }
            return ScsiResponse.checkCondition(data, SenseEncoder.encode(e.sense(), descriptorSense()));
        } catch (RuntimeException | Error e) {
            LOG.error("{} LUN {}: command {} (task tag {}) failed", name, lun,
                    command.cdb().length == 0 ? "-" : String.format("%02Xh", command.opcode()), command.taskTag(), e);
            return ScsiResponse.checkCondition(SenseEncoder.encode(
                    SenseData.of(SenseCode.INTERNAL_TARGET_FAILURE), descriptorSense()));
        } finally {
            stateLock.unlock();
            if (task != null) {
                task.releaseDataOut();
            } else {
                command.dataOut().release();
            }
        }
    }

    private static void checkControlByte(byte[] cdb) {
        int length = Cdb.lengthOf(cdb[0] & 0xff);
        if (length < 0) {
            return;
        }
        if (cdb.length < length) {
            throw ScsiException.of(SenseCode.INVALID_FIELD_IN_CDB);
        }
        int control = cdb[length - 1];
        if ((control & 0x04) != 0) { // NACA: ACA is not supported (SAM-5 5.9.1.2)
            throw ScsiException.invalidCdbField(length - 1, 2);
        }
        if ((control & 0x01) != 0) { // LINK: obsolete
            throw ScsiException.invalidCdbField(length - 1, 0);
        }
    }

    private static void checkUsageMask(byte[] cdb, CommandDescriptor d) {
        byte[] mask = d.usageMask();
        for (int i = 1; i < mask.length - 1; i++) {
            int bad = cdb[i] & ~mask[i] & 0xff;
            if (bad != 0) {
                throw ScsiException.invalidCdbField(i, 31 - Integer.numberOfLeadingZeros(bad));
            }
        }
    }

    private static int limit(ScsiCommand command, CommandDescriptor d, ScsiTask task) {
        int limit = Math.max(0, command.expectedDataInLength());
        if (d.direction() == DataDirection.IN && d.transferLength() != null) {
            limit = Math.min(limit, task.transferLength());
        }
        return limit;
    }

    private static ScsiResponse truncate(ScsiResponse r, int limit) {
        if (r.dataIn().length() <= limit) {
            return r;
        }
        return new ScsiResponse(r.status(), truncate(r.dataIn(), limit), r.sense());
    }

    private static Payload truncate(Payload p, int limit) {
        return p.length() <= limit ? p : SlicedPayload.of(p, 0, limit);
    }

    /** Wraps control data in a payload (heap-owned: small, not the data path). */
    public static ScsiResponse data(byte[] bytes) {
        return ScsiResponse.good(Payload.of(ByteBuffer.wrap(bytes)));
    }

    @Override
    public final CompletionStage<TaskManagementResponse> manageTask(TaskManagementFunction function, Nexus nexus,
                                                                    long taskTag) {
        TaskManagementResponse answer = TaskManagementResponse.FUNCTION_COMPLETE;
        switch (function) {
            case ABORT_TASK -> {
                boolean found = false;
                for (PendingCommand p : pending) {
                    if (p.command.taskTag() == taskTag && p.command.nexus().equals(nexus)) {
                        p.aborted = true;
                        found = true;
                    }
                }
                answer = found ? answer : TaskManagementResponse.TASK_DOES_NOT_EXIST;
            }
            case ABORT_TASK_SET -> pending.stream().filter(p -> p.command.nexus().equals(nexus))
                    .forEach(p -> p.aborted = true);
            case CLEAR_TASK_SET -> pending.forEach(p -> p.aborted = true);
            case LOGICAL_UNIT_RESET, TARGET_WARM_RESET, TARGET_COLD_RESET -> {
                pending.forEach(p -> p.aborted = true);
                queue.execute(this::reset);
            }
            default -> answer = TaskManagementResponse.FUNCTION_NOT_SUPPORTED;
        }
        CompletableFuture<TaskManagementResponse> done = new CompletableFuture<>();
        TaskManagementResponse result = answer;
        queue.execute(() -> done.complete(result)); // completes after every earlier command finished
        return done;
    }

    private void reset() {
        stateLock.lock();
        try {
            reservations.reset();
            preventing.clear();
            modePages.forEach(ModePage::reset);
            unitAttentions.reset(SenseCode.BUS_DEVICE_RESET_FUNCTION_OCCURRED);
            onReset();
        } finally {
            stateLock.unlock();
        }
    }

    @Override
    public void nexusLost(Nexus nexus) {
        queue.execute(() -> {
            reservations.nexusLost(nexus);
            preventing.remove(nexus);
            unitAttentions.forget(nexus);
        });
    }

    /** A queued command and whether task management aborted it before it ran. */
    private static final class PendingCommand {
        final ScsiCommand command;
        final CompletableFuture<ScsiResponse> future = new CompletableFuture<>();
        volatile boolean aborted;

        PendingCommand(ScsiCommand command) {
            this.command = command;
        }
    }
}
