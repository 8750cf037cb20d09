/**
 * The {@code vtl} command (picocli): {@code vtl serve} runs the daemon; every other subcommand is a client of
 * the admin API ({@link org.vtl.cli.ApiClient}), found through {@code --data DIR} (the daemon writes
 * {@code admin.url} and {@code admin.token} there) or {@code --url} with {@code --token-file}. Nouns then verbs,
 * like zpool; {@code --json} on every command; one-line errors, exit code 2 for usage errors and 1 for refused
 * operations, never a stack trace. docs/cli.md is generated from these definitions ({@link org.vtl.cli.CliReference}).
 */
package org.vtl.cli;
