package io.contrail.jet.processor;

/** Argument checks shared by the processor factories. */
final class Checks {

    private Checks() {
    }

    /** Returns {@code name} when it is neither {@code null} nor blank; else fails naming {@code what}. */
    static String checkName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-blank name, got " + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }
}
