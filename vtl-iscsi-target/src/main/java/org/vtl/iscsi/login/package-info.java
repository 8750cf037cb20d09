/**
 * The login phase (RFC 7143 6.3 login state machine, 6.2 and 13 key negotiation, 12.1.3 CHAP, 11.12/11.13
 * Login Request/Response): {@link org.vtl.iscsi.login.LoginStateMachine} with {@link
 * org.vtl.iscsi.login.NegotiationKey} as the key table, {@link org.vtl.iscsi.login.Chap} for one-way and
 * mutual CHAP (MD5, SHA-1, SHA-256) and {@link org.vtl.iscsi.login.InitiatorAcl}. Pure: no network.
 */
package org.vtl.iscsi.login;
