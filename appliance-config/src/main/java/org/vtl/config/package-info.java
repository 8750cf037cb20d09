/**
 * The whole appliance described in one YAML file: the configuration records ({@link org.vtl.config.ApplianceConfig}
 * and its parts), their defaults (the embedded default appliance of design.md, {@link org.vtl.config.Defaults}),
 * the loader that binds a YAML tree to the records reporting every problem of a file at once
 * ({@link org.vtl.config.ConfigLoader}) and the generated key reference ({@link org.vtl.config.ConfigurationReference},
 * docs/configuration.md). Depends on nothing in the project but its parser (Jackson YAML).
 *
 * <p>Rules taken from the standards: iSCSI names and negotiation limits from RFC 7143 (4.2.7, 13.12-13.14),
 * CHAP secret lengths from RFC 7143 12.1.3, volume tags from SMC-3 6.6, LTO read/write compatibility from the
 * LTO consortium's generation table.
 */
package org.vtl.config;
