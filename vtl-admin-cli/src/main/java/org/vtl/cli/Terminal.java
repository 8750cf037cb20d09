package org.vtl.cli;

import java.io.Console;

/** The user's terminal, if there is one: for confirmations and live progress bars. */
public interface Terminal {

    /** True when a person can answer and see carriage-return redraws. */
    boolean interactive();

    /** Asks and returns the answer line, or {@code null} at end of input. */
    String ask(String prompt);

    /** The process's console when it is a terminal. */
    static Terminal system() {
        Console console = System.console();
        boolean tty = console != null && console.isTerminal();
        return new Terminal() {
            @Override
            public boolean interactive() {
                return tty;
            }

            @Override
            public String ask(String prompt) {
                return tty ? console.readLine("%s", prompt) : null;
            }
        };
    }

    /** No terminal: nothing is asked (destructive commands need --yes), progress is printed as plain lines. */
    Terminal NONE = new Terminal() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String ask(String prompt) {
            return null;
        }
    };
}
