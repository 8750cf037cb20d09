package org.vtl.config;

/** The identity a partition's media changer answers INQUIRY with. */
public enum ChangerModel {
    /** IBM TS3500 / TS4500 family, product 03584L32. */
    IBM_03584L32,
    /** StorageTek L700. */
    STK_L700
}
