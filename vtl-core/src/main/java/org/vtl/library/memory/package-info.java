/** In-memory implementation of the library state port, for tests and the embedded default appliance. */
package org.vtl.library.memory;
