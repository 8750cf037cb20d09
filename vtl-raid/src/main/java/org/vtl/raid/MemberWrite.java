package org.vtl.raid;

import java.nio.ByteBuffer;

/** One member's share of a stripe write: chunk plus trailer at the row's slot. Reused, never allocated per write. */
final class MemberWrite {

    final StripeBuffer owner;
    final ByteBuffer[] gather = new ByteBuffer[2];
    Member member;
    long position;
    /** Set instead of an owner on a member's fdatasync request. */
    ForceRound round;

    MemberWrite(StripeBuffer owner) {
        this.owner = owner;
    }

    MemberWrite set(Member target, ByteBuffer chunk, ByteBuffer trailer, long at) {
        this.member = target;
        this.gather[0] = chunk;
        this.gather[1] = trailer;
        this.position = at;
        return this;
    }
}
