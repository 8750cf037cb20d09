package org.vtl.iscsi.session;

import org.vtl.iscsi.login.LoginStateMachine;
import org.vtl.iscsi.login.SessionType;
import org.vtl.iscsi.login.TargetAuth;
import org.vtl.iscsi.login.TargetPolicy;

/** Login's view of the targets and the sessions. */
final class LoginDirectory implements LoginStateMachine.Directory {

    private final PortalSettings settings;
    private final TargetDirectory directory;
    private final SessionRegistry sessions;

    LoginDirectory(PortalSettings settings, TargetDirectory directory, SessionRegistry sessions) {
        this.settings = settings;
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public TargetPolicy target(String name) {
        return directory.policy(name);
    }

    @Override
    public TargetAuth discoveryAuth() {
        return settings.discoveryAuth();
    }

    @Override
    public boolean sessionExists(int tsih) {
        return sessions.exists(tsih);
    }

    @Override
    public int newTsih() {
        return sessions.newTsih();
    }

    @Override
    public boolean admits(SessionType type, long isid, String initiatorName, String targetName) {
        return type == SessionType.DISCOVERY || sessions.admits(isid, initiatorName, targetName);
    }
}
