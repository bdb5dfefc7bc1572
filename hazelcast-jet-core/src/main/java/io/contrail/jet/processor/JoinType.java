package io.contrail.jet.processor;

/** Which probe items a hash join ({@link Processors#hashJoin}) emits a result for. */
public enum JoinType {

    /** Only probe items with at least one matching build item. */
    INNER,

    /** Every probe item; one without a match is joined with an empty list. */
    LEFT_OUTER
}
