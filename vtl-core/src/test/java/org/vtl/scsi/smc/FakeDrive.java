package org.vtl.scsi.smc;

import java.util.ArrayList;
import java.util.List;

import org.vtl.scsi.ScsiException;
import org.vtl.scsi.SenseCode;
import org.vtl.scsi.spc.InquiryData;

/** A transfer device that records what the changer did to it. */
class FakeDrive implements TransferDevice {

    final InquiryData id;
    final List<String> events = new ArrayList<>();
    String loaded;
    boolean prevented;

    FakeDrive(String serial) {
        this.id = new InquiryData(1, true, "IBM", "ULT3580-TD8", "N9M1", serial, true, new int[0]);
    }

    @Override
    public InquiryData inquiryData() {
        return id;
    }

    @Override
    public long lun() {
        return 1;
    }

    @Override
    public void insert(String barcode) {
        loaded = barcode;
        events.add("insert " + barcode);
    }

    @Override
    public void remove() {
        if (prevented) {
            throw ScsiException.of(SenseCode.MEDIUM_REMOVAL_PREVENTED);
        }
        events.add("remove " + loaded);
        loaded = null;
    }
}
