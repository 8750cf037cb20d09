package org.vtl.iscsi.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7143 4.2.2.1 command numbering with RFC 1982 serial arithmetic. */
class CmdSnWindowTest {

    @Test
    void classifiesAcrossTheThirtyTwoBitWrap() {
        CmdSnWindow w = new CmdSnWindow(0xffff_fffe, 0x0000_0001);
        assertEquals(CmdSnWindow.Position.EXPECTED, w.classify(0xffff_fffe));
        assertEquals(CmdSnWindow.Position.AHEAD, w.classify(0xffff_ffff));
        assertEquals(CmdSnWindow.Position.AHEAD, w.classify(0x0000_0001));
        assertEquals(CmdSnWindow.Position.OUTSIDE, w.classify(0x0000_0002));
        assertEquals(CmdSnWindow.Position.OUTSIDE, w.classify(0xffff_fffd));
    }

    @Test
    void maxCmdSnNeverMovesBackwards() {
        CmdSnWindow w = new CmdSnWindow(10, 20);
        assertEquals(20, w.widen(3));
        w.advance();
        assertEquals(20, w.widen(0));
        assertEquals(40, w.widen(30));
    }

    @Test
    void windowIsClosedWhenMaxCmdSnIsExpCmdSnMinusOne() {
        CmdSnWindow w = new CmdSnWindow(5, 5);
        assertFalse(w.closed());
        w.advance();
        assertTrue(w.closed());
        assertEquals(CmdSnWindow.Position.OUTSIDE, w.classify(6));
    }

    @Test
    void heldPduIsReturnedWhenItsCmdSnIsExpected() {
        CmdSnWindow w = new CmdSnWindow(1, 10);
        assertTrue(w.hold(2, "second"));
        assertFalse(w.hold(2, "again"));
        assertNull(w.takeExpected());
        w.advance();
        assertEquals("second", w.takeExpected());
        assertEquals(0, w.heldCount());
    }
}
