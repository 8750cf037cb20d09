package org.vtl.library;

/** Element types of a media changer (SMC-3 4.2, Table 4 ELEMENT TYPE CODE). */
public enum ElementType {
    MEDIUM_TRANSPORT(1),
    STORAGE(2),
    IMPORT_EXPORT(3),
    DATA_TRANSFER(4);

    private static final ElementType[] BY_CODE = new ElementType[5];

    static {
        for (ElementType t : values()) {
            if (BY_CODE[t.code] != null) {
                throw new ExceptionInInitializerError("duplicate element type code " + t.code);
            }
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    ElementType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a wire code, or null (0 means "all types" on the wire and has no constant). */
    public static ElementType of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
