package org.vtl.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One library partition's elements and their contents: pure state, no I/O. Every operation addresses
 * only this partition's elements; a cartridge is admitted only if the partition's ownership check
 * accepts it, so nothing here can reach another partition's elements or media.
 *
 * <p>Changes are planned first ({@link #planMove}, {@link #planExchange}, ...), returning the element
 * changes; the caller makes them durable through {@link LibraryStateStore#commit} and then
 * {@link #apply applies} them, so memory never runs ahead of the store.
 */
public final class Partition {

    private final String name;
    private final ElementLayout layout;
    private final Predicate<String> owns;
    private final TreeMap<Integer, ElementContent> contents = new TreeMap<>();
    private boolean importExportOpen;

    /**
     * @param owns whether a barcode belongs to this partition (its cartridge store knows it)
     */
    public Partition(String name, ElementLayout layout, Predicate<String> owns) {
        this.name = Objects.requireNonNull(name, "name");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.owns = Objects.requireNonNull(owns, "owns");
    }

    public String name() {
        return name;
    }

    public ElementLayout layout() {
        return layout;
    }

    /** Replaces all contents with stored state (startup); unknown addresses are refused. */
    public synchronized void restore(Map<Integer, ElementContent> stored) {
        for (int address : stored.keySet()) {
            if (layout.typeOf(address) == null) {
                throw new IllegalStateException("partition " + name + ": stored element " + address + " unknown");
            }
        }
        contents.clear();
        contents.putAll(stored);
    }

    public synchronized Optional<Element> element(int address) {
        ElementType type = layout.typeOf(address);
        return type == null ? Optional.empty() : Optional.of(new Element(address, type, contents.get(address)));
    }

    /** Every element, ascending by address. */
    public synchronized List<Element> elements() {
        List<Element> all = new ArrayList<>();
        for (int a : layout.addresses()) {
            all.add(new Element(a, layout.typeOf(a), contents.get(a)));
        }
        return all;
    }

    public synchronized List<Element> elements(ElementType type) {
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < layout.count(type); i++) {
            int a = layout.first(type) + i;
            out.add(new Element(a, type, contents.get(a)));
        }
        return out;
    }

    /** The address holding {@code barcode}, if any. */
    public synchronized Optional<Integer> find(String barcode) {
        for (Map.Entry<Integer, ElementContent> e : contents.entrySet()) {
            if (e.getValue().barcode().equals(barcode)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** The data transfer element address of drive {@code index} (0-based). */
    public int driveAddress(int index) {
        if (index < 0 || index >= layout.dataTransferCount()) {
            throw new IndexOutOfBoundsException("drive " + index);
        }
        return layout.dataTransferFirst() + index;
    }

    /** The drive index of a data transfer element address, or -1. */
    public int driveIndex(int address) {
        return layout.typeOf(address) == ElementType.DATA_TRANSFER ? address - layout.dataTransferFirst() : -1;
    }

    public synchronized boolean importExportOpen() {
        return importExportOpen;
    }

    /** The operator opened (true) or closed (false) the import/export door. */
    public synchronized void setImportExportOpen(boolean open) {
        importExportOpen = open;
    }

    /** MOVE MEDIUM (SMC-3 6.6): the changes, or why not. Moving onto itself changes nothing. */
    public synchronized List<ElementChange> planMove(int source, int destination) throws LibraryException {
        ElementContent moving = fullElement(source);
        reachable(destination);
        if (source == destination) {
            return List.of();
        }
        if (contents.containsKey(destination)) {
            throw new LibraryException(LibraryError.DESTINATION_FULL, "element " + destination + " is full");
        }
        return List.of(new ElementChange(source, null),
                new ElementChange(destination, new ElementContent(moving.barcode(), sourceOf(source, moving))));
    }

    /**
     * EXCHANGE MEDIUM (SMC-3 6.3): the source's medium goes to the first destination and the first
     * destination's medium to the second destination.
     */
    public synchronized List<ElementChange> planExchange(int source, int first, int second) throws LibraryException {
        ElementContent a = fullElement(source);
        ElementContent b = fullElement(first);
        reachable(second);
        if (second != source && contents.containsKey(second)) {
            throw new LibraryException(LibraryError.DESTINATION_FULL, "element " + second + " is full");
        }
        if (source == first) {
            return planMove(source, second);
        }
        List<ElementChange> changes = new ArrayList<>();
        if (second != source) {
            changes.add(new ElementChange(source, null));
        }
        changes.add(new ElementChange(first, new ElementContent(a.barcode(), sourceOf(source, a))));
        changes.add(new ElementChange(second, new ElementContent(b.barcode(), sourceOf(first, b))));
        return changes;
    }

    /** The operator puts a cartridge into an element (an import/export slot, or a storage slot when seeding). */
    public synchronized List<ElementChange> planInsert(int address, String barcode) throws LibraryException {
        ElementType type = layout.typeOf(address);
        if (type != ElementType.IMPORT_EXPORT && type != ElementType.STORAGE) {
            throw new LibraryException(LibraryError.INVALID_ADDRESS, "no slot at " + address + " in " + name);
        }
        if (!owns.test(barcode)) {
            throw new LibraryException(LibraryError.UNKNOWN_CARTRIDGE, barcode + " is not in partition " + name);
        }
        if (find(barcode).isPresent()) {
            throw new LibraryException(LibraryError.DUPLICATE_CARTRIDGE, barcode + " is already in " + name);
        }
        if (contents.containsKey(address)) {
            throw new LibraryException(LibraryError.DESTINATION_FULL, "element " + address + " is full");
        }
        return List.of(new ElementChange(address, new ElementContent(barcode, -1)));
    }

    /**
     * The operator takes a cartridge out of an import/export slot, or the admin removes one from a storage slot
     * (the cartridge leaves the library). Drives and the picker are refused.
     */
    public synchronized List<ElementChange> planRemove(int address) throws LibraryException {
        ElementType type = layout.typeOf(address);
        if (type != ElementType.IMPORT_EXPORT && type != ElementType.STORAGE) {
            throw new LibraryException(LibraryError.INVALID_ADDRESS, "no import/export or storage slot at " + address);
        }
        if (!contents.containsKey(address)) {
            throw new LibraryException(LibraryError.SOURCE_EMPTY, "element " + address + " is empty");
        }
        return List.of(new ElementChange(address, null));
    }

    /** The first empty element of a type, if any. */
    public synchronized Optional<Integer> firstEmpty(ElementType type) {
        for (int i = 0; i < layout.count(type); i++) {
            int a = layout.first(type) + i;
            if (!contents.containsKey(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Applies changes already made durable. */
    public synchronized void apply(List<ElementChange> changes) {
        for (ElementChange c : changes) {
            if (c.content() == null) {
                contents.remove(c.address());
            } else {
                contents.put(c.address(), c.content());
            }
        }
    }

    private ElementContent fullElement(int address) throws LibraryException {
        reachable(address);
        ElementContent c = contents.get(address);
        if (c == null) {
            throw new LibraryException(LibraryError.SOURCE_EMPTY, "element " + address + " is empty");
        }
        return c;
    }

    private void reachable(int address) throws LibraryException {
        ElementType type = layout.typeOf(address);
        if (type == null || type == ElementType.MEDIUM_TRANSPORT && layout.transportCount() == 0) {
            throw new LibraryException(LibraryError.INVALID_ADDRESS, "no element " + address + " in " + name);
        }
        if (type == ElementType.IMPORT_EXPORT && importExportOpen) {
            throw new LibraryException(LibraryError.NOT_ACCESSIBLE, "import/export door of " + name + " is open");
        }
    }

    /** A cartridge keeps its home slot while it visits drives and the picker. */
    private int sourceOf(int from, ElementContent moving) {
        ElementType type = layout.typeOf(from);
        if (type == ElementType.STORAGE || type == ElementType.IMPORT_EXPORT) {
            return from;
        }
        return moving.sourceAddress();
    }
}
