package dev.fap.report.plotly;

/** What an annotation's or shape's coordinates refer to. Example: {@code Annotation.at(0.5, 1.05, "note").withRefs(Reference.PAPER, Reference.PAPER)}. */
public enum Reference implements PlotlyEnum {
    /** {@code "paper"}. */
    PAPER("paper"),
    /** {@code "x"}. */
    X("x"),
    /** {@code "y"}. */
    Y("y"),
    /** {@code "x2"}. */
    X2("x2"),
    /** {@code "y2"}. */
    Y2("y2"),
    /** {@code "x3"}. */
    X3("x3"),
    /** {@code "y3"}. */
    Y3("y3"),
    /** {@code "x4"}. */
    X4("x4"),
    /** {@code "y4"}. */
    Y4("y4");

    private final String value;

    Reference(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
