package dev.fap.model.warehouse;

import dev.fap.model.Model;
import java.util.List;

/** The eight analytics views of gold (filled in below). */
final class AnalyticsViews {
    private AnalyticsViews() {}

    static List<Model> all() {
        return List.of();
    }
}
