package org.vtl.library;

/**
 * One element's new content in an atomic state change; {@code content} null means the element is now empty.
 */
public record ElementChange(int address, ElementContent content) {
}
