package org.vtl.scsi.ssc;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vtl.cartridge.CartridgeInfo;
import org.vtl.cartridge.CartridgeStore;
import org.vtl.cartridge.MediumException;
import org.vtl.cartridge.MountedCartridge;
import org.vtl.scsi.Cdb;
import org.vtl.scsi.LunInventory;
import org.vtl.scsi.ScsiException;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.SenseData;
import org.vtl.scsi.identity.DriveIdentity;
import org.vtl.scsi.smc.TransferDevice;
import org.vtl.scsi.spc.InquiryData;
import org.vtl.scsi.spc.SpcCommands;
import org.vtl.scsi.spc.SpcLogicalUnit;
import org.vtl.scsi.spc.TapeAlertFlags;

/**
 * A tape drive logical unit (SSC-5) of one library partition. The changer puts cartridges in and takes
 * them out ({@link #insert}, {@link #remove}) by barcode through the partition's {@link CartridgeStore};
 * initiators thread and eject them with LOAD UNLOAD. States: empty; loaded (ready); unloaded (ejected,
 * still in the drive until the changer removes it; not ready, as a real drive after eject).
 *
 * <p>Commands run in order on the logical unit's queue; the mounted cartridge is only touched there or
 * under the state lock (changer moves).
 */
public final class TapeDrive extends SpcLogicalUnit implements TransferDevice {

    private static final Logger LOG = LoggerFactory.getLogger(TapeDrive.class);

    private final DriveIdentity identity;
    private final InquiryData inquiryData;
    private final CartridgeStore store;
    private final TapeAlertFlags tapeAlert = new TapeAlertFlags();
    private final SscModePages pages;
    private final BufferPool buffers = new BufferPool();
    private final DriveCounters counters = new DriveCounters();
    private MountedCartridge cartridge;
    private boolean loaded;
    private int blockLength;

    public TapeDrive(String name, long lun, LunInventory lunInventory, Executor executor, DriveIdentity identity,
                     String serial, CartridgeStore store) {
        super(name, lun, lunInventory, executor);
        this.identity = identity;
        this.inquiryData = new InquiryData(0x01, true, identity.vendor(), identity.product(), identity.revision(),
                serial, true, new int[] {InquiryData.SAM_5, InquiryData.SPC_4, InquiryData.SSC_4, InquiryData.ISCSI});
        this.store = store;
        this.pages = new SscModePages(this);
        modePages().addAll(pages.pages());
        logPages().add(tapeAlert);
        logPages().addAll(SscLogPages.pages(this));
        vpdPages().addAll(SscVpdPages.pages(this));
        install(SscCommands.addTo(SpcCommands.table(this), this).build());
    }

    @Override
    public InquiryData inquiryData() {
        return inquiryData;
    }

    public DriveIdentity identity() {
        return identity;
    }

    public TapeAlertFlags tapeAlert() {
        return tapeAlert;
    }

    /** Bytes and blocks this drive moved since it started, and what they took after compression. */
    public DriveCounters counters() {
        return counters;
    }

    /** The barcode of the cartridge in the drive (loaded or ejected), or null. */
    public String barcode() {
        stateLock.lock();
        try {
            return cartridge == null ? null : cartridge.info().barcode();
        } finally {
            stateLock.unlock();
        }
    }

    /** True when a cartridge is threaded and the drive is ready. */
    public boolean ready() {
        return cartridge != null && loaded;
    }

    MountedCartridge cartridge() {
        return cartridge;
    }

    BufferPool buffers() {
        return buffers;
    }

    SscModePages sscPages() {
        return pages;
    }

    int blockLength() {
        return blockLength;
    }

    boolean present() {
        return cartridge != null;
    }

    void setLoaded(boolean value) {
        loaded = value;
    }

    /** The changer put a cartridge in: mount it through the store and thread it (SMC-3 4.2.5). */
    @Override
    public void insert(String barcode) {
        stateLock.lock();
        try {
            if (cartridge != null) {
                throw ScsiException.of(SenseCode.MEDIUM_DESTINATION_ELEMENT_FULL);
            }
            CartridgeInfo info = store.find(barcode)
                    .orElseThrow(() -> ScsiException.of(SenseCode.INCOMPATIBLE_MEDIUM_INSTALLED));
            if (!identity.generation().canRead(info.mediaType())) {
                throw ScsiException.of(SenseCode.INCOMPATIBLE_MEDIUM_INSTALLED);
            }
            try {
                cartridge = store.mount(barcode);
            } catch (MediumException e) {
                throw ScsiException.of(SenseCode.INCOMPATIBLE_MEDIUM_INSTALLED);
            }
            cartridge.setCompression(pages.compression());
            counters.mounted(cartridge);
            loaded = true;
            unitAttentions().raise(SenseCode.NOT_READY_TO_READY_CHANGE, null);
        } finally {
            stateLock.unlock();
        }
    }

    /** The changer takes the cartridge out: refused while removal is prevented; flushes and releases it. */
    @Override
    public void remove() {
        stateLock.lock();
        try {
            if (cartridge == null) {
                return;
            }
            if (mediumRemovalPrevented()) {
                throw ScsiException.of(SenseCode.MEDIUM_REMOVAL_PREVENTED);
            }
            MountedCartridge c = cartridge;
            cartridge = null;
            loaded = false;
            try {
                c.close();
            } catch (MediumException e) {
                LOG.error("{}: flushing {} on removal failed", name(), c.info().barcode(), e);
                tapeAlert.set(TapeAlertFlags.HARD_ERROR);
            } finally {
                counters.unmounting(c); // after close: the cartridge counted every block it flushed
            }
        } finally {
            stateLock.unlock();
        }
    }

    /** Flushes and releases the cartridge at shutdown; it stays in the drive element for the next start. */
    public void shutdown() {
        stateLock.lock();
        try {
            if (cartridge != null) {
                try {
                    cartridge.close();
                } catch (MediumException e) {
                    LOG.error("{}: flushing {} at shutdown failed", name(), cartridge.info().barcode(), e);
                } finally {
                    counters.unmounting(cartridge);
                }
                cartridge = null;
                loaded = false;
            }
        } finally {
            stateLock.unlock();
        }
    }

    @Override
    protected void checkReady() {
        if (!ready()) {
            throw ScsiException.of(SenseCode.MEDIUM_NOT_PRESENT);
        }
    }

    @Override
    protected SenseData deviceSense() {
        return ready() ? null : SenseData.of(SenseCode.MEDIUM_NOT_PRESENT);
    }

    /** WP when the cartridge is write-protected or of a generation this drive only reads; BUFFERED MODE 1. */
    @Override
    protected int deviceSpecificParameter() {
        return (ready() && !writable() ? 0x80 : 0) | 0x10;
    }

    /** DATA PROTECT for a medium this drive may not write: write-protected (TapeAlert 09h) or an older format. */
    ScsiException notWritable() {
        if (cartridge.info().writeProtected()) {
            tapeAlert.set(TapeAlertFlags.WRITE_PROTECT);
            return ScsiException.of(SenseCode.WRITE_PROTECTED);
        }
        return ScsiException.of(SenseCode.CANNOT_WRITE_MEDIUM_INCOMPATIBLE_FORMAT);
    }

    boolean writable() {
        CartridgeInfo info = cartridge.info();
        return !info.writeProtected() && identity.generation().canWrite(info.mediaType());
    }

    /** SSC-5 8.3.3 short block descriptor: density of the loaded medium, block length (0 = variable). */
    @Override
    protected byte[] blockDescriptor() {
        byte[] d = new byte[8];
        d[0] = (byte) (ready() ? cartridge.info().mediaType().densityCode() : 0);
        Cdb.put24(d, 5, blockLength);
        return d;
    }

    /** BUFFERED MODE 0 or 1, SPEED 0; the WP bit is ignored on select (SSC-5 8.3.2). */
    @Override
    protected void selectDeviceSpecific(int value, int offset) {
        if ((value & 0x60) != 0 || (value & 0x0f) != 0) {
            throw org.vtl.scsi.ScsiException.invalidParameterField(offset, -1);
        }
    }

    /** Density 0, 7Fh or one this drive writes; NUMBER OF BLOCKS 0; block length up to the maximum. */
    @Override
    protected void selectBlockDescriptor(byte[] p, int offset) {
        int density = p[offset] & 0xff;
        boolean known = density == 0 || density == 0x7f || identity.generation().writable().stream()
                .anyMatch(g -> g.densityCode() == density);
        if (!known) {
            throw ScsiException.invalidParameterField(offset, -1);
        }
        if (Cdb.u24(p, offset + 1) != 0) {
            throw ScsiException.invalidParameterField(offset + 1, -1);
        }
        int length = Cdb.u24(p, offset + 5);
        if (length > identity.maxBlockLength()) {
            throw ScsiException.invalidParameterField(offset + 5, -1);
        }
        blockLength = length;
    }

    @Override
    protected void onReset() {
        blockLength = 0;
        pages.reset();
        if (cartridge != null) {
            cartridge.setCompression(true);
        }
    }

    /** Maps a refused cartridge operation to the sense SSC-5 prescribes; raises TapeAlert flags. */
    SenseData sense(MediumException e) {
        return switch (e.error()) {
            case END_OF_MEDIUM, QUOTA_EXCEEDED -> SenseData.of(SenseCode.VOLUME_OVERFLOW).withEndOfMedium();
            case WRITE_PROTECTED -> {
                tapeAlert.set(TapeAlertFlags.WRITE_PROTECT);
                yield SenseData.of(SenseCode.WRITE_PROTECTED);
            }
            case WORM_OVERWRITE -> SenseData.of(SenseCode.WORM_MEDIUM_OVERWRITE_ATTEMPTED);
            case POOL_FULL -> SenseData.of(SenseCode.PERIPHERAL_DEVICE_WRITE_FAULT);
            case UNRECOVERED_READ_ERROR -> {
                tapeAlert.set(TapeAlertFlags.MEDIA);
                yield SenseData.of(SenseCode.UNRECOVERED_READ_ERROR);
            }
            case STORAGE_FAILURE -> {
                tapeAlert.set(TapeAlertFlags.HARD_ERROR);
                yield SenseData.of(SenseCode.WRITE_ERROR);
            }
            case INVALID_POSITION -> SenseData.of(SenseCode.SEQUENTIAL_POSITIONING_ERROR);
            case BLOCK_TOO_LARGE -> SenseData.of(SenseCode.INVALID_FIELD_IN_CDB);
            case INVALID_PARAMETER -> SenseData.of(SenseCode.INVALID_FIELD_IN_PARAMETER_LIST);
            case NOT_AVAILABLE -> SenseData.of(SenseCode.LOGICAL_UNIT_NOT_READY);
        };
    }

    ScsiException failure(MediumException e) {
        return new ScsiException(sense(e));
    }
}
