package io.contrail.sql.impl.pgwire;

/**
 * The result column formats a Bind asked for: none (all text), one code for every column, or
 * one per column; 0 is text, 1 binary. Immutable.
 */
record ResultFormats(short[] codes) {

    static final ResultFormats TEXT = new ResultFormats(new short[0]);

    boolean isBinary(int column) {
        if (codes.length == 0) {
            return false;
        }
        return (codes.length == 1 ? codes[0] : column < codes.length ? codes[column] : 0) == 1;
    }
}
