package org.vtl.scsi.spc;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One mode page (SPC-5 7.5): its default, changeable mask and current values as full page bytes
 * (page_0 format: code, length; sub_page format: code|40h, subpage, 2-byte length). A device may
 * overlay live state on read ({@code view}, e.g. the medium partition page of the loaded cartridge)
 * and act on an accepted MODE SELECT ({@code onSelect}, e.g. compression on/off).
 */
public final class ModePage {

    private final int pageCode;
    private final int subpageCode;
    private final byte[] defaults;
    private final byte[] changeable;
    private final UnaryOperator<byte[]> view;
    private final SelectAction onSelect;
    private final int shortestSelect;
    private byte[] current;

    public ModePage(int pageCode, int subpageCode, byte[] defaults, byte[] changeable,
                    UnaryOperator<byte[]> view, SelectAction onSelect) {
        this(pageCode, subpageCode, defaults, changeable, view, onSelect, defaults.length);
    }

    /**
     * A page whose MODE SELECT may be shorter than the page, down to {@code shortestSelect} bytes with its
     * header: a page of repeated descriptors (e.g. the medium partition page's partition size descriptors,
     * SSC-5 8.3.6) where the fields left out are zero.
     */
    public ModePage(int pageCode, int subpageCode, byte[] defaults, byte[] changeable,
                    UnaryOperator<byte[]> view, SelectAction onSelect, int shortestSelect) {
        if (defaults.length != changeable.length) {
            throw new IllegalArgumentException("mask length differs for page " + pageCode);
        }
        this.pageCode = pageCode;
        this.subpageCode = subpageCode;
        this.defaults = defaults.clone();
        this.changeable = changeable.clone();
        this.view = view;
        this.onSelect = onSelect;
        this.shortestSelect = Math.min(Math.max(shortestSelect, subpageCode == 0 ? 2 : 4), defaults.length);
        this.current = defaults.clone();
    }

    /** A page with no live overlay and no action on select. */
    public static ModePage of(int pageCode, int subpageCode, byte[] defaults, byte[] changeable) {
        return new ModePage(pageCode, subpageCode, defaults, changeable, UnaryOperator.identity(),
                SelectAction.applying(page -> { }));
    }

    /** Builds page bytes with the right header for the code and subpage; {@code body} excludes the header. */
    public static byte[] page(int pageCode, int subpageCode, int bodyLength) {
        if (subpageCode == 0) {
            byte[] p = new byte[2 + bodyLength];
            p[0] = (byte) pageCode;
            p[1] = (byte) bodyLength;
            return p;
        }
        byte[] p = new byte[4 + bodyLength];
        p[0] = (byte) (0x40 | pageCode);
        p[1] = (byte) subpageCode;
        p[2] = (byte) (bodyLength >>> 8);
        p[3] = (byte) bodyLength;
        return p;
    }

    public int pageCode() {
        return pageCode;
    }

    public int subpageCode() {
        return subpageCode;
    }

    public int length() {
        return defaults.length;
    }

    /** Header length: 2 for page_0 format, 4 for sub_page format. */
    public int headerLength() {
        return subpageCode == 0 ? 2 : 4;
    }

    /** Page control 00b current, 01b changeable, 10b default (SPC-5 Table 462). */
    public synchronized byte[] values(int pageControl) {
        return switch (pageControl) {
            case 1 -> changeable.clone();
            case 2 -> defaults.clone();
            default -> view.apply(current.clone());
        };
    }

    public synchronized byte[] current() {
        return values(0);
    }

    /**
     * A selected page at its full length: a shorter one this page allows is extended with zeros and its page
     * length set to the full length; any other page is returned as is (and {@link #check} judges its length).
     */
    public byte[] fullLength(byte[] page) {
        if (page.length >= defaults.length || page.length < shortestSelect || subpageCode != 0) {
            return page;
        }
        byte[] full = Arrays.copyOf(page, defaults.length);
        full[1] = (byte) (defaults.length - 2);
        return full;
    }

    /**
     * Checks a MODE SELECT page without changing anything: length, changeable mask and the device's own checks.
     * {@code offset} locates the page in the parameter list, for the field pointer.
     */
    public void check(byte[] page, int offset) {
        byte[] now = current();
        if (page.length != now.length) {
            throw org.vtl.scsi.ScsiException.invalidParameterField(offset + headerLength() - 1, -1);
        }
        for (int i = headerLength(); i < page.length; i++) {
            int differs = (page[i] ^ now[i]) & ~changeable[i] & 0xff;
            if (differs != 0) {
                throw org.vtl.scsi.ScsiException.invalidParameterField(offset + i,
                        31 - Integer.numberOfLeadingZeros(differs));
            }
        }
        onSelect.check(page, offset);
    }

    /** Applies a page that passed {@link #check}. Returns true if a value changed. */
    public synchronized boolean apply(byte[] page) {
        if (Arrays.equals(page, current())) {
            return false;
        }
        byte[] next = page.clone();
        next[0] &= 0x7f; // PS bit is reported, never selected
        onSelect.apply(next);
        current = next;
        return true;
    }

    /** {@link #check} then {@link #apply}. */
    public synchronized boolean select(byte[] page, int offset) {
        check(page, offset);
        return apply(page);
    }

    /**
     * What a device does with a selected page: {@code check} may refuse it with a
     * {@link org.vtl.scsi.ScsiException} (INVALID FIELD IN PARAMETER LIST at {@code offset} + the byte in the
     * page) and must not change anything; {@code apply} acts on a checked page and does not fail.
     */
    public interface SelectAction {
        void check(byte[] page, int offset);

        void apply(byte[] page);

        static SelectAction of(BiConsumer<byte[], Integer> check, Consumer<byte[]> apply) {
            return new SelectAction() {
                @Override
                public void check(byte[] page, int offset) {
                    check.accept(page, offset);
                }

                @Override
                public void apply(byte[] page) {
                    apply.accept(page);
                }
            };
        }

        static SelectAction applying(Consumer<byte[]> apply) {
            return of((page, offset) -> { }, apply);
        }
    }

    /** Back to defaults (logical unit reset). */
    public synchronized void reset() {
        current = defaults.clone();
    }

    /** Replaces the current values without an onSelect action (device-initiated changes). */
    public synchronized void setCurrent(byte[] page) {
        current = page.clone();
    }
}
