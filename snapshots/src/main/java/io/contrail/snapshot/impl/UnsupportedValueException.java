package io.contrail.snapshot.impl;

/**
 * A key or value that {@link ValueCodec} cannot encode. The writer turns it into an
 * {@link IllegalArgumentException} that also names the vertex and processor.
 */
public final class UnsupportedValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String className;
    private final String detail;

    /**
     * @param className the class of the value handed to the writer
     * @param detail    why Java serialization failed, as a clause ("it references an object of
     *                  class X, which is not java.io.Serializable"), or null if the value is not
     *                  Serializable at all
     */
    public UnsupportedValueException(String className, String detail) {
        super(className + (detail == null ? "" : ": " + detail));
        this.className = className;
        this.detail = detail;
    }

    public String className() {
        return className;
    }

    public String detail() {
        return detail;
    }
}
