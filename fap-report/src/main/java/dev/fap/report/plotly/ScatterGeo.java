package dev.fap.report.plotly;

import java.util.List;
import java.util.Map;

/**
 * Points on a map, by latitude and longitude or by location code.
 *
 * <p>Plotly draws the map outlines from topojson files that it loads from the network; offline
 * reports therefore embed no geo traces unless the page provides {@code window.PlotlyGeoAssets}.
 *
 * <pre>{@code
 * ScatterGeo branches = ScatterGeo.points(lats, lons).withText(names).withMarker(Marker.colored("#2563eb"));
 * }</pre>
 */
public final class ScatterGeo extends Trace<ScatterGeo> {
    private ScatterGeo(Map<String, Object> attributes) {
        super(attributes);
    }

    private static ScatterGeo empty() {
        return new ScatterGeo(Map.of("type", "scattergeo"));
    }

    /** One point per latitude/longitude pair (degrees). */
    public static ScatterGeo points(List<? extends Number> lat, List<? extends Number> lon) {
        Checks.sameSize(lat, lon, "latitudes and longitudes");
        return empty().with("lat", lat).with("lon", lon).with("mode", ScatterMode.MARKERS);
    }

    /** One point per location, e.g. US state codes with {@code locationMode} {@code "USA-states"}. */
    public static ScatterGeo locations(List<String> locations, String locationMode) {
        return empty().with("locations", locations).with("locationmode", locationMode).with("mode", ScatterMode.MARKERS);
    }

    public ScatterGeo withMode(ScatterMode mode) {
        return with("mode", mode);
    }

    @Override
    public int pointCount() {
        Object data = get("lat") != null ? get("lat") : get("locations");
        return data instanceof List<?> list ? list.size() : 0;
    }

    @Override
    protected ScatterGeo create(Map<String, Object> attributes) {
        return new ScatterGeo(attributes);
    }
}
